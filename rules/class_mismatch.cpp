// class-mismatch: a record of another class than its zone's. A master file holds one class
// (RFC 1035 §5.2), that of its SOA; BIND and Knot refuse a zone with a "CH TXT" among IN data.
#include <fmt/format.h>

#include "rules/common.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  for (const Zone& zone : model.zones) {
    if (!zone.is_zone_file) continue;
    const auto soa = zone.rrset(zone.origin, rrtype::SOA);
    const RRClass zone_class = soa.empty() ? rrclass::IN : zone.records[soa.front()].rclass;
    for (const Record& record : zone.records) {
      if (record.rclass == zone_class) continue;
      reporter.report(zone, record,
                      fmt::format("{} record at {} is of class {} in a zone of class {}; a zone "
                                  "holds one class and servers refuse to load it",
                                  type_name(record.type), model.name(record.owner),
                                  class_name(record.rclass), class_name(zone_class)));
    }
  }
}

}  // namespace

Rule class_mismatch_rule() {
  return {"class-mismatch",
          "record of another class than its zone",
          Severity::error,
          "RFC 1035 §5.2",
          {},
          check};
}

}  // namespace dnslint
