#include "model/lookup.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace dnslint {

Answer find_answer(const Model& model, const Zone& zone, NameId name) {
  if (zone.name_exists(name)) return Answer{name, zone.records_at(name), false};
  if (!zone.has_wildcard()) return Answer{name, {}, false};
  // RFC 4592 §3.3.1: the closest encloser is the longest existing ancestor; a wildcard child
  // of it synthesizes the answer.
  for (NameId encloser = name; encloser != zone.origin && !model.names.is_root(encloser);) {
    encloser = model.names.parent(encloser);
    if (!zone.name_exists(encloser)) continue;
    if (const NameId wildcard = zone.wildcard_below(encloser); wildcard != kNoName) {
      return Answer{wildcard, zone.records_at(wildcard), true};
    }
    break;
  }
  return Answer{name, {}, false};
}

const Record* dname_above(const Model& model, const Zone& zone, NameId name) {
  if (!zone.has_dname()) return nullptr;
  for (NameId n = name; n != zone.origin && !model.names.is_root(n);) {
    n = model.names.parent(n);
    if (!zone.is_dname_owner(n)) continue;
    if (auto set = zone.rrset(n, rrtype::DNAME); !set.empty()) return &zone.records[set.front()];
  }
  return nullptr;
}

std::optional<NameId> substitute_dname(const Model& model, NameId name, const Record& dname) {
  const auto& data = std::get<NameData>(dname.rdata);
  std::string result(relative_part(model.name(name), model.name(dname.owner)));
  result += '.';
  if (model.name(data.target.name) != ".") result += model.name(data.target.name);
  return model.names.find(result);
}

namespace {

// The names an alias chain has visited: most chains are one or two names, kept without
// allocating (rules resolve every MX, SRV and NS target).
class VisitedNames {
 public:
  bool contains(NameId name) const {
    const auto* end = inline_.begin() + inline_size_;
    return std::find(inline_.begin(), end, name) != end ||
           std::find(more_.begin(), more_.end(), name) != more_.end();
  }
  // `most` is how many names the chain may visit in all: a long one allocates once.
  void push_back(NameId name, std::size_t most) {
    if (inline_size_ < inline_.size()) {
      inline_[inline_size_++] = name;
    } else {
      if (more_.empty() && most > inline_.size()) more_.reserve(most - inline_.size());
      more_.push_back(name);
    }
  }

 private:
  std::array<NameId, 8> inline_{};
  std::size_t inline_size_ = 0;
  std::vector<NameId> more_;
};

}  // namespace

bool Resolution::has_addresses() const {
  return std::any_of(final_records.begin(), final_records.end(), [&](std::uint32_t index) {
    const RRType type = final_record(index).type;
    return type == rrtype::A || type == rrtype::AAAA;
  });
}

Resolution resolve(const Model& model, NameId name, const Zone* preferred, std::size_t max_hops) {
  Resolution result;
  VisitedNames visited;
  // Most chains are an alias or two; a long one grows the list once more, to its most (or to
  // 64, past which it grows as it goes).
  const std::size_t most = std::min<std::size_t>(max_hops, 63) + 1;
  const auto add_alias = [&](const Record* alias) {
    if (result.aliases.size() == 4) result.aliases.reserve(most);
    result.aliases.push_back(alias);
  };
  NameId current = name;
  for (std::size_t hop = 0;; ++hop) {
    if (visited.contains(current)) {
      result.loop = true;
      break;
    }
    if (hop > max_hops) {
      result.too_long = true;
      break;
    }
    visited.push_back(current, most);
    result.final_name = current;
    result.zone = model.zone_for(current, preferred);
    if (result.zone == nullptr) break;
    preferred = result.zone;
    if (result.zone->delegation_at_or_above(model.names, current) != kNoName) {
      result.delegated = true;
      break;
    }
    if (const Record* dname = dname_above(model, *result.zone, current)) {
      add_alias(dname);
      auto next = substitute_dname(model, current, *dname);
      if (!next) {
        result.zone = nullptr;
        break;
      }
      current = *next;
      continue;
    }
    const Answer answer = find_answer(model, *result.zone, current);
    const Record* cname = nullptr;
    for (std::uint32_t index : answer.records) {
      const Record& record = result.zone->records[index];
      if (record.type == rrtype::CNAME && cname == nullptr) cname = &record;
    }
    if (cname != nullptr) {
      add_alias(cname);
      current = std::get<NameData>(cname->rdata).target.name;
      continue;
    }
    result.final_records = answer.records;
    break;
  }
  return result;
}

}  // namespace dnslint
