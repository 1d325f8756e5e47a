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

// Indices rather than pointers: a zone of a hundred thousand aliases keeps this map in 16
// bytes a slot.
struct Alias {
  std::uint32_t zone = 0;    // into model.zones
  std::uint32_t record = 0;  // into that zone's records
  std::uint8_t state = 0;    // 1 while on the path being walked, 2 when finished
};

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  // The CNAME that answers for each name: the first one in the zone authoritative for it.
  std::size_t alias_count = 0;
  for (const Zone& zone : model.zones) alias_count += zone.rrsets(rrtype::CNAME).size();
  IdMap<Alias> alias_of;
  alias_of.reserve(alias_count);
  std::vector<NameId> order;  // deterministic walk order
  for (std::uint32_t z = 0; z < model.zones.size(); ++z) {
    const Zone& zone = model.zones[z];
    for (const Zone::IndexRange& set : zone.rrsets(rrtype::CNAME)) {
      const std::uint32_t first = zone.records_of(set).front();
      const NameId owner = zone.records[first].owner;
      if (alias_of.contains(owner) || model.zone_for(owner, &zone) != &zone) continue;
      alias_of.insert(owner, Alias{z, first});
      order.push_back(owner);
    }
  }
  auto cname_of = [&](const Alias& alias) -> const Record& {
    return model.zones[alias.zone].records[alias.record];
  };
  // Each name is walked once. (No insertion follows, so pointers into alias_of stay valid.)
  for (NameId start : order) {
    std::vector<NameId> path;
    NameId name = start;
    Alias* alias = alias_of.find(name);
    while (alias != nullptr && alias->state == 0) {
      alias->state = 1;
      path.push_back(name);
      name = std::get<NameData>(cname_of(*alias).rdata).target.name;
      alias = alias_of.find(name);
    }
    if (alias != nullptr && alias->state == 1) {
      // The loop is reported once, at the member written first (by file, line, column), so
      // that the order of the inputs does not change the report.
      std::vector<NameId> loop(std::find(path.begin(), path.end(), name), path.end());
      auto position = [&](NameId n) {
        const SourceLocation l = cname_of(*alias_of.find(n)).location;
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
      OpenFinding& finding = reporter.report(model.zones[head.zone], cname_of(head),
                                             fmt::format("CNAME loop: {}", chain));
      for (std::size_t i = 1; i < loop.size(); ++i) {
        reporter.relate(finding, cname_of(*alias_of.find(loop[i])).location, "CNAME in the loop");
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
