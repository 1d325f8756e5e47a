#include "model/model.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace dnslint {

std::string_view severity_name(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::note:
      return "note";
  }
  return "error";
}

std::string_view written_text(const NameTable& names, const TargetName& target) {
  if (!target.written_relative()) return names.str(target.name);
  return relative_part(names.str(target.name), names.str(target.relative_to));
}

const TargetName* target_of(const Record& record) {
  if (const auto* name = std::get_if<NameData>(&record.rdata)) return &name->target;
  if (const auto* mx = std::get_if<MxData>(&record.rdata)) return &mx->exchange;
  if (const auto* srv = std::get_if<SrvData>(&record.rdata)) return &srv->target;
  return nullptr;
}

std::string rdata_key(const Record& record) {
  struct KeyVisitor {
    std::string operator()(const AData& a) const { return fmt::format("{}", a.address); }
    std::string operator()(const AaaaData& a) const {
      return std::string(reinterpret_cast<const char*>(a.address.data()), a.address.size());
    }
    std::string operator()(const NameData& n) const { return fmt::format("{}", n.target.name); }
    std::string operator()(const MxData& m) const {
      return fmt::format("{} {}", m.preference, m.exchange.name);
    }
    std::string operator()(const SrvData& s) const {
      return fmt::format("{} {} {} {}", s.priority, s.weight, s.port, s.target.name);
    }
    std::string operator()(const SoaData& s) const {
      return fmt::format("{} {} {} {} {} {} {}", s.mname.name, s.rname.name, s.serial, s.refresh,
                         s.retry, s.expire, s.minimum);
    }
    std::string operator()(const TxtData& t) const {
      std::string key;
      for (const auto& s : t.strings) {
        key += fmt::format("{}:", s.size());
        key += s;
      }
      return key;
    }
    std::string operator()(const GenericData& g) const { return g.wire; }
  };
  return std::visit(KeyVisitor{}, record.rdata);
}

void Zone::build_index(const NameTable& names) {
  by_owner_.resize(records.size());
  for (std::uint32_t i = 0; i < records.size(); ++i) by_owner_[i] = i;
  std::stable_sort(by_owner_.begin(), by_owner_.end(), [&](std::uint32_t a, std::uint32_t b) {
    const Record& x = records[a];
    const Record& y = records[b];
    if (x.owner != y.owner) return x.owner < y.owner;
    return x.type < y.type;
  });
  nodes_.clear();
  existing_.clear();
  owners_.clear();
  for (std::uint32_t i = 0; i < by_owner_.size();) {
    const NameId owner = records[by_owner_[i]].owner;
    std::uint32_t j = i;
    while (j < by_owner_.size() && records[by_owner_[j]].owner == owner) ++j;
    nodes_.emplace(owner, std::make_pair(i, j));
    i = j;
  }
  for (const Record& record : records) {
    if (existing_.contains(record.owner)) continue;
    owners_.push_back(record.owner);
    // Mark the owner and its ancestors inside the zone (empty non-terminals exist too).
    for (NameId name = record.owner; !existing_.contains(name);) {
      existing_.insert(name);
      if (name == origin || names.is_root(name) || !names.is_at_or_below(name, origin)) break;
      name = names.parent(name);
    }
  }
}

std::span<const std::uint32_t> Zone::records_at(NameId owner) const {
  auto it = nodes_.find(owner);
  if (it == nodes_.end()) return {};
  return std::span<const std::uint32_t>(by_owner_).subspan(it->second.first,
                                                           it->second.second - it->second.first);
}

std::span<const std::uint32_t> Zone::rrset(NameId owner, RRType type) const {
  const auto node = records_at(owner);
  auto first = std::find_if(node.begin(), node.end(),
                            [&](std::uint32_t i) { return records[i].type == type; });
  auto last =
      std::find_if(first, node.end(), [&](std::uint32_t i) { return records[i].type != type; });
  return node.subspan(static_cast<std::size_t>(first - node.begin()),
                      static_cast<std::size_t>(last - first));
}

NameId Zone::delegation_at_or_above(const NameTable& names, NameId name) const {
  NameId cut = kNoName;
  if (!names.is_at_or_below(name, origin)) return cut;
  for (NameId n = name; n != origin && !names.is_root(n); n = names.parent(n)) {
    if (!rrset(n, rrtype::NS).empty()) cut = n;
  }
  return cut;
}

NameId Zone::delegation_above(const NameTable& names, NameId name) const {
  if (name == origin || names.is_root(name)) return kNoName;
  return delegation_at_or_above(names, names.parent(name));
}

void Model::build_indexes() {
  zones_by_origin_.clear();
  for (std::uint32_t i = 0; i < zones.size(); ++i) {
    zones[i].build_index(names);
    zones_by_origin_[zones[i].origin].push_back(i);
  }
}

const Zone* Model::zone_for(NameId name, const Zone* preferred) const {
  for (NameId n = name;; n = names.parent(n)) {
    if (auto it = zones_by_origin_.find(n); it != zones_by_origin_.end()) {
      auto holds = [&](const Zone& zone) { return zone.origin_known || zone.name_exists(name); };
      for (std::uint32_t index : it->second) {
        if (&zones[index] == preferred && holds(*preferred)) return preferred;
      }
      for (std::uint32_t index : it->second) {
        if (zones[index].origin_known) return &zones[index];
      }
      for (std::uint32_t index : it->second) {
        if (holds(zones[index])) return &zones[index];
      }
    }
    if (names.is_root(n)) return nullptr;
  }
}

}  // namespace dnslint
