// ns-target-invalid-hostname: a name server is a host, and host names are letters, digits and
// hyphens, with no hyphen at either end of a label (RFC 952, RFC 1123 §2.1). Resolvers look
// up "ns_1.example.com" or a placeholder like "REPLACE&ME." and find no server.
#include "rules/common.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  for_each_record(model, rrtype::NS, [&](const Zone& zone, const Record& record) {
    report_if_not_host_name(model, reporter, zone, record, std::get<NameData>(record.rdata).target,
                            "NS host");
  });
}

}  // namespace

Rule ns_target_invalid_hostname_rule() {
  return {"ns-target-invalid-hostname",
          "NS host is not a valid host name (LDH)",
          Severity::warning,
          "RFC 952, RFC 1123 §2.1",
          {},
          check};
}

}  // namespace dnslint
