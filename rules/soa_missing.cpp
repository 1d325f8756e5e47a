// soa-missing: every zone starts with exactly one SOA at its apex (RFC 1035 §5.2); without it
// no server loads the zone. An SOA elsewhere does not count (out-of-zone or soa-multiple
// report it).
#include <fmt/format.h>

#include <algorithm>

#include "rules/common.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  for (const Zone& zone : model.zones) {
    // A zone the configuration calls partial has its SOA elsewhere; a dynamic one still loads
    // from its file.
    if (!zone.is_zone_file || (!zone.complete && !zone.dynamic)) continue;
    if (!zone.rrset(zone.origin, rrtype::SOA).empty()) continue;
    const SourceLocation where_ = zone.records.empty() ? SourceLocation{zone.file, 1, 1, 1, 1}
                                                       : zone.records.front().location.get();
    reporter.report_zone(zone, where_,
                         fmt::format("zone {} has no SOA record at its apex; a zone file starts "
                                     "with its SOA",
                                     model.zone_name(zone)));
  }
}

}  // namespace

Rule soa_missing_rule() {
  return {"soa-missing", "a zone file without an SOA record", Severity::error, "RFC 1035 §5.2", {},
          check};
}

}  // namespace dnslint
