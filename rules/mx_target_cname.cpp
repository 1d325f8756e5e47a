// mx-target-cname: an MX exchange must be a host name, never an alias (RFC 2181 §10.3,
// RFC 5321 §5.1). Checked in whichever loaded zone holds the exchange.
#include <fmt/format.h>

#include "rules/common.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  for_each_mx(model, [&](const Zone& zone, const Record& record, const MxData& mx) {
    if (!is_null_mx(model, mx))
      report_if_alias(model, reporter, zone, record, mx.exchange.name, "MX exchange");
  });
}

}  // namespace

Rule mx_target_cname_rule() {
  return {"mx-target-cname",
          "MX exchange is an alias (CNAME or below a DNAME)",
          Severity::error,
          "RFC 2181 §10.3, RFC 5321 §5.1",
          {},
          check};
}

}  // namespace dnslint
