// ns-single: a zone, and every delegation, needs at least two name servers (RFC 1034 §4.1,
// RFC 2182 §5): with one, every outage of that server takes the whole zone off the net. An
// apex with none is ns-missing.
#include <fmt/format.h>

#include <set>

#include "rules/common.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  for_each_rrset(
      model, rrtype::NS, [&](const Zone& zone, NameId owner, std::span<const std::uint32_t> set) {
        // NS records below a cut are occluded; they delegate nothing.
        if (zone.delegation_above(model.names, owner) != kNoName) return;
        std::set<NameId> hosts;
        for (std::uint32_t index : set)
          hosts.insert(std::get<NameData>(zone.records[index].rdata).target.name);
        if (hosts.size() >= 2) return;
        reporter.report(zone, zone.records[set.front()],
                        fmt::format("{} {} has a single name server ({}); use at least two, on "
                                    "different networks",
                                    owner == zone.origin ? "zone" : "delegation", model.name(owner),
                                    model.name(*hosts.begin())));
      });
}

}  // namespace

Rule ns_single_rule() {
  return {"ns-single",
          "a single NS at an apex or delegation",
          Severity::warning,
          "RFC 1034 §4.1, RFC 2182 §5",
          {},
          check};
}

}  // namespace dnslint
