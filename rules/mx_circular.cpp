// mx-circular: following an MX exchange (through CNAME and DNAME aliases, and through the MX
// of an exchange that has no address of its own) must end at a host. A path that returns to
// a name already on it never delivers mail: the sender loops until its hop limit.
#include <fmt/format.h>

#include <algorithm>

#include "rules/common.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

// Bounds the search per MX record so that a pathological zone costs linear time.
constexpr std::size_t kMaxSteps = 256;

struct Step {
  NameId name;
  const Record* via;  // the record that led to `name`
};

class CycleSearch {
 public:
  CycleSearch(const Model& model, const Zone& zone) : model_(model), zone_(zone) {}

  // True when following `name` (reached through `via`) comes back to a name on `path`.
  bool search(std::vector<Step>& path, NameId name, const Record* via) {
    if (++steps_ > kMaxSteps) return false;
    const bool seen = std::any_of(path.begin(), path.end(), [&](const Step& s) { return s.name == name; });
    path.push_back({name, via});
    if (seen) return true;
    for (const auto& [next, record] : successors(name)) {
      if (search(path, next, record)) return true;
    }
    path.pop_back();
    return false;
  }

 private:
  std::vector<std::pair<NameId, const Record*>> successors(NameId name) const {
    const Zone* zone = model_.zone_for(name, &zone_);
    if (zone == nullptr || zone->delegation_at_or_above(model_.names, name) != kNoName) return {};
    if (const Record* dname = dname_above(model_, *zone, name)) {
      if (auto target = substitute_dname(model_, name, *dname)) return {{*target, dname}};
      return {};
    }
    const Node node = find_node(model_, *zone, name);
    for (std::uint32_t index : node.records) {
      const Record& record = zone->records[index];
      if (record.type == rrtype::CNAME) {
        return {{std::get<NameData>(record.rdata).target.name, &record}};
      }
    }
    std::vector<std::pair<NameId, const Record*>> next;
    for (std::uint32_t index : node.records) {
      const Record& record = zone->records[index];
      if (record.type == rrtype::A || record.type == rrtype::AAAA) return {};  // a host
      if (record.type == rrtype::MX && !is_null_mx(model_, std::get<MxData>(record.rdata))) {
        next.emplace_back(std::get<MxData>(record.rdata).exchange.name, &record);
      }
    }
    return next;
  }

  const Model& model_;
  const Zone& zone_;
  std::size_t steps_ = 0;
};

std::string describe_path(const Model& model, const std::vector<Step>& path) {
  std::string out(model.name(path.front().name));
  for (std::size_t i = 1; i < path.size(); ++i) {
    out += fmt::format(" {} {}", type_name(path[i].via->type), model.name(path[i].name));
  }
  return out;
}

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  for_each_rrset(model, rrtype::MX, [&](const Zone& zone, NameId owner, std::span<const std::uint32_t> set) {
    for (std::uint32_t index : set) {
      const Record& record = zone.records[index];
      const auto& mx = std::get<MxData>(record.rdata);
      if (is_null_mx(model, mx)) continue;
      std::vector<Step> path{{owner, nullptr}};
      CycleSearch search(model, zone);
      if (!search.search(path, mx.exchange.name, &record)) continue;
      // A loop that does not pass through this owner is reported at the MX of an owner on it.
      if (path.back().name != owner) continue;
      Finding& finding = reporter.report(
          zone, record,
          fmt::format("mail for {} never reaches a host: {}", model.name(owner), describe_path(model, path)));
      for (std::size_t i = 2; i < path.size(); ++i) {
        finding.related.push_back({path[i].via->location, fmt::format("{} in the loop", type_name(path[i].via->type))});
      }
    }
  });
}

}  // namespace

Rule mx_circular_rule() {
  return {"mx-circular", "following MX exchanges and aliases comes back to a visited name",
          Severity::error, "RFC 5321 §5.1, RFC 1034 §3.6.2", {}, check};
}

}  // namespace dnslint
