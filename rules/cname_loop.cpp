// cname-loop: a CNAME chain that comes back to itself never resolves; resolvers give up with
// SERVFAIL (RFC 1034 §3.6.2 asks that aliases lead to the canonical name). Chains are followed
// across every loaded zone.
#include <fmt/format.h>

#include <algorithm>
#include <tuple>

#include "model/id_map.hpp"
#include "rules/common.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

struct Alias {
  const Zone* zone = nullptr;
  const Record* cname = nullptr;
  int state = 0;  // 1 while on the path being walked, 2 when finished
};

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  // The CNAME that answers for each name: the first one in the zone authoritative for it.
  IdMap<Alias> alias_of;
  std::vector<NameId> order;  // deterministic walk order
  for (const Zone& zone : model.zones) {
    for (const Record& record : zone.records) {
      if (record.type != rrtype::CNAME || alias_of.contains(record.owner)) continue;
      if (model.zone_for(record.owner, &zone) != &zone) continue;
      alias_of.insert(record.owner, Alias{&zone, &record});
      order.push_back(record.owner);
    }
  }
  // Each name is walked once. (No insertion follows, so pointers into alias_of stay valid.)
  for (NameId start : order) {
    std::vector<NameId> path;
    NameId name = start;
    Alias* alias = alias_of.find(name);
    while (alias != nullptr && alias->state == 0) {
      alias->state = 1;
      path.push_back(name);
      name = std::get<NameData>(alias->cname->rdata).target.name;
      alias = alias_of.find(name);
    }
    if (alias != nullptr && alias->state == 1) {
      // The loop is reported once, at the member written first (by file, line, column), so
      // that the order of the inputs does not change the report.
      std::vector<NameId> loop(std::find(path.begin(), path.end(), name), path.end());
      auto position = [&](NameId n) {
        const SourceLocation& l = alias_of.find(n)->cname->location;
        return std::make_tuple(model.files[l.file], l.line, l.column);
      };
      std::rotate(loop.begin(),
                  std::min_element(loop.begin(), loop.end(),
                                   [&](NameId a, NameId b) { return position(a) < position(b); }),
                  loop.end());
      std::string chain;
      for (NameId n : loop) chain += fmt::format("{} -> ", model.name(n));
      chain += model.name(loop.front());
      const Alias& head = *alias_of.find(loop.front());
      OpenFinding& finding =
          reporter.report(*head.zone, *head.cname, fmt::format("CNAME loop: {}", chain));
      for (std::size_t i = 1; i < loop.size(); ++i) {
        reporter.relate(finding, alias_of.find(loop[i])->cname->location, "CNAME in the loop");
      }
    }
    for (NameId visited : path) alias_of.find(visited)->state = 2;
  }
}

}  // namespace

Rule cname_loop_rule() {
  return {"cname-loop",
          "a CNAME chain returns to a name it passed",
          Severity::error,
          "RFC 1034 §3.6.2",
          {},
          check};
}

}  // namespace dnslint
