// ns-target-address-literal: NSDNAME is a domain name (RFC 1035 §3.3.11); an address written
// there becomes a name like "192.0.2.53.example.com." that resolves to nothing.
#include <fmt/format.h>

#include "rules/common.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  for_each_record(model, rrtype::NS, [&](const Zone& zone, const Record& record) {
    report_if_address_literal(model, reporter, zone, record,
                              std::get<NameData>(record.rdata).target, "NS host");
  });
}

}  // namespace

Rule ns_target_address_literal_rule() {
  return {"ns-target-address-literal",
          "NS host is an IP address literal",
          Severity::error,
          "RFC 1035 §3.3.11",
          {},
          check};
}

}  // namespace dnslint
