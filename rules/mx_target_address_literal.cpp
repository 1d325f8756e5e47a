// mx-target-address-literal: the exchange of an MX is a domain name (RFC 1035 §3.3.9); an IP
// address there becomes a name like "192.0.2.1.example.com." that no mail server resolves.
#include <fmt/format.h>

#include "rules/common.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  for_each_mx(model, [&](const Zone& zone, const Record& record, const MxData& mx) {
    report_if_address_literal(model, reporter, zone, record, mx.exchange, "MX exchange");
  });
}

}  // namespace

Rule mx_target_address_literal_rule() {
  return {"mx-target-address-literal",
          "MX exchange is an IP address literal",
          Severity::error,
          "RFC 1035 §3.3.9, RFC 5321 §5.1",
          {},
          check};
}

}  // namespace dnslint
