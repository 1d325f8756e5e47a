// mx-target-invalid-hostname: an exchange is a host, and host names are letters, digits and
// hyphens, with no hyphen at either end of a label (RFC 952, RFC 1123 §2.1). Mail servers
// refuse to connect to names like "_mail.example.com" or "mail server.example.com".
#include "rules/common.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  for_each_mx(model, [&](const Zone& zone, const Record& record, const MxData& mx) {
    if (!is_null_mx(model, mx)) {
      report_if_not_host_name(model, reporter, zone, record, mx.exchange, "MX exchange");
    }
  });
}

}  // namespace

Rule mx_target_invalid_hostname_rule() {
  return {"mx-target-invalid-hostname",
          "MX exchange is not a valid host name (LDH)",
          Severity::warning,
          "RFC 952, RFC 1123 §2.1",
          {},
          check};
}

}  // namespace dnslint
