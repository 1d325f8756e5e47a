// cname-at-apex: the apex of a zone owns its SOA and NS records, so a CNAME there is always
// "CNAME and other data" (RFC 1034 §3.6.2, RFC 2181 §10.1); most servers refuse the zone.
// Providers' "ALIAS"/"ANAME" records exist for exactly this need.
#include <fmt/format.h>

#include "rules/common.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  for_each_record(model, rrtype::CNAME, [&](const Zone& zone, const Record& record) {
    if (record.owner != zone.origin) return;
    reporter.report(zone, record,
                    fmt::format("CNAME at the zone apex {}; the apex must hold the SOA and NS "
                                "records, so it cannot be an alias",
                                model.zone_name(zone)));
  });
}

}  // namespace

Rule cname_at_apex_rule() {
  return {"cname-at-apex",
          "CNAME at the zone apex",
          Severity::error,
          "RFC 1034 §3.6.2, RFC 2181 §10.1",
          {},
          check};
}

}  // namespace dnslint
