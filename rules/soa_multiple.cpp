// soa-multiple: a zone has exactly one SOA, at its apex (RFC 1035 §5.2). A second one, or one
// further down, usually means two zone files were pasted together.
#include <fmt/format.h>

#include "rules/common.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  for (const Zone& zone : model.zones) {
    const Record* first = nullptr;
    for (const Record& record : zone.records) {
      if (record.type != rrtype::SOA) continue;
      if (first == nullptr) {
        first = &record;
        continue;
      }
      OpenFinding& finding = reporter.report(
          zone, record,
          record.owner == first->owner
              ? fmt::format("second SOA record for {} (the first is at {}); a zone has exactly one",
                            model.name(record.owner),
                            where(model, first->location, record.location))
              : fmt::format(
                    "SOA record at {}, but the zone's SOA is at {} ({}); a zone has exactly "
                    "one, at its apex",
                    model.name(record.owner), model.name(first->owner),
                    where(model, first->location, record.location)));
      reporter.relate(finding, first->location, "first SOA here");
    }
  }
}

}  // namespace

Rule soa_multiple_rule() {
  return {
      "soa-multiple", "more than one SOA record in a zone", Severity::error, "RFC 1035 §5.2", {},
      check};
}

}  // namespace dnslint
