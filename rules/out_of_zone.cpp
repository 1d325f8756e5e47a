// out-of-zone: a zone holds only names at or below its origin; servers ignore (BIND) or reject
// (Knot) anything else. Usually a missing trailing dot on an owner, or a wrong $ORIGIN.
#include <fmt/format.h>

#include "rules/common.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  for (const Zone& zone : model.zones) {
    for (const Record& record : zone.records) {
      if (model.names.is_at_or_below(record.owner, zone.origin)) continue;
      reporter.report(zone, record,
                      fmt::format("owner {} is outside the zone {}; servers ignore this record",
                                  model.name(record.owner), model.zone_name(zone)));
    }
  }
}

}  // namespace

Rule out_of_zone_rule() {
  return {"out-of-zone",
          "owner name not at or below the zone origin",
          Severity::error,
          "RFC 1034 §4.2",
          {},
          check};
}

}  // namespace dnslint
