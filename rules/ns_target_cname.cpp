// ns-target-cname: the host of an NS record must be a name with address records, never an
// alias (RFC 1034 §3.6.2, RFC 2181 §10.3); resolvers that do not follow it lose the
// delegation.
#include <fmt/format.h>

#include "rules/common.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  for_each_record(model, rrtype::NS, [&](const Zone& zone, const Record& record) {
    report_if_alias(model, reporter, zone, record, std::get<NameData>(record.rdata).target.name,
                    "NS host");
  });
}

}  // namespace

Rule ns_target_cname_rule() {
  return {"ns-target-cname",
          "NS host is an alias (CNAME or below a DNAME)",
          Severity::error,
          "RFC 1034 §3.6.2, RFC 2181 §10.3",
          {},
          check};
}

}  // namespace dnslint
