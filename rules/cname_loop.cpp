// cname-loop: a CNAME chain that comes back to itself never resolves; resolvers give up with
// SERVFAIL (RFC 1034 §3.6.2 asks that aliases lead to the canonical name). Chains are followed
// across every loaded zone.
#include <fmt/format.h>

#include <unordered_map>

#include "rules/common.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

struct Alias {
  const Zone* zone;
  const Record* cname;
};

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  // The CNAME that answers for each name: the first one in the zone authoritative for it.
  std::unordered_map<NameId, Alias> alias_of;
  std::vector<NameId> order;  // deterministic walk order
  for (const Zone& zone : model.zones) {
    for (const Record& record : zone.records) {
      if (record.type != rrtype::CNAME || alias_of.contains(record.owner)) continue;
      if (model.zone_for(record.owner, &zone) != &zone) continue;
      alias_of.emplace(record.owner, Alias{&zone, &record});
      order.push_back(record.owner);
    }
  }
  // Each name is walked once: state 1 while on the current path, 2 when finished.
  std::unordered_map<NameId, int> state;
  for (NameId start : order) {
    std::vector<NameId> path;
    NameId name = start;
    while (alias_of.contains(name) && state[name] == 0) {
      state[name] = 1;
      path.push_back(name);
      name = std::get<NameData>(alias_of.at(name).cname->rdata).target.name;
    }
    if (alias_of.contains(name) && state[name] == 1) {
      const auto begin = std::find(path.begin(), path.end(), name);
      const Alias& head = alias_of.at(*begin);
      std::string chain(model.name(*begin));
      for (auto it = begin + 1; it != path.end(); ++it) chain += fmt::format(" -> {}", model.name(*it));
      chain += fmt::format(" -> {}", model.name(name));
      Finding& finding = reporter.report(*head.zone, *head.cname, fmt::format("CNAME loop: {}", chain));
      for (auto it = begin + 1; it != path.end(); ++it) {
        finding.related.push_back({alias_of.at(*it).cname->location, "CNAME in the loop"});
      }
    }
    for (NameId visited : path) state[visited] = 2;
  }
}

}  // namespace

Rule cname_loop_rule() {
  return {"cname-loop", "a CNAME chain returns to a name it passed", Severity::error,
          "RFC 1034 §3.6.2", {}, check};
}

}  // namespace dnslint
