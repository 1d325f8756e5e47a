// srv-target-invalid-hostname: an SRV target is a host with address records (RFC 2782), and
// host names are letters, digits and hyphens, with no hyphen at either end of a label (RFC
// 952, RFC 1123 §2.1). The target "." (no such service here) is a name of no labels and fine.
#include "rules/common.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  for_each_record(model, rrtype::SRV, [&](const Zone& zone, const Record& record) {
    report_if_not_host_name(model, reporter, zone, record, std::get<SrvData>(record.rdata).target,
                            "SRV target");
  });
}

}  // namespace

Rule srv_target_invalid_hostname_rule() {
  return {"srv-target-invalid-hostname",
          "SRV target is not a valid host name (LDH)",
          Severity::warning,
          "RFC 2782, RFC 1123 §2.1",
          {},
          check};
}

}  // namespace dnslint
