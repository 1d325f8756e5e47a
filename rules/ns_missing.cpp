// ns-missing: a zone file whose apex has no NS records. Every zone names its authoritative
// servers at its apex (RFC 1034 §4.2.1); BIND and Knot refuse to load a zone without them.
#include <fmt/format.h>

#include "rules/common.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  for (const Zone& zone : model.zones) {
    // Only a zone file holds the whole zone: infrastructure code usually leaves the apex NS
    // to the provider, and a zone the configuration calls partial has them elsewhere.
    if (!zone.is_zone_file || (!zone.complete && !zone.dynamic)) continue;
    if (!zone.rrset(zone.origin, rrtype::NS).empty()) continue;
    const auto soa = zone.rrset(zone.origin, rrtype::SOA);
    if (soa.empty()) continue;  // soa-missing says more
    reporter.report(zone, zone.records[soa.front()],
                    fmt::format("zone {} has no NS records at its apex; servers refuse to load it",
                                model.zone_name(zone)));
  }
}

}  // namespace

Rule ns_missing_rule() {
  return {
      "ns-missing", "zone has no NS records at its apex", Severity::error, "RFC 1034 §4.2.1", {},
      check};
}

}  // namespace dnslint
