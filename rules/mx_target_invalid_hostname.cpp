// mx-target-invalid-hostname: an exchange is a host, and host names are letters, digits and
// hyphens, with no hyphen at either end of a label (RFC 952, RFC 1123 §2.1). Mail servers
// refuse to connect to names like "_mail.example.com" or "mail server.example.com".
#include <fmt/format.h>

#include "model/address.hpp"
#include "rules/common.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

bool is_ldh(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }

// Why `name` is not a host name, or empty when it is one.
std::string host_name_problem(std::string_view name) {
  for (std::string_view rest = name; rest != "."; rest = parent_name(rest)) {
    const std::string_view label = first_label(rest);
    for (char c : label) {
      if (!is_ldh(c)) {
        return c == '\\' ? fmt::format("label '{}' has an escaped character", label)
                         : fmt::format("label '{}' has '{}'", label, c);
      }
    }
    if (label.front() == '-' || label.back() == '-') {
      return fmt::format("label '{}' starts or ends with a hyphen", label);
    }
  }
  return {};
}

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  for_each_mx(model, [&](const Zone& zone, const Record& record, const MxData& mx) {
    if (is_null_mx(model, mx) ||
        looks_like_address_literal(written_text(model.names, mx.exchange))) {
      return;
    }
    const std::string problem = host_name_problem(model.name(mx.exchange.name));
    if (problem.empty()) return;
    reporter.report(zone, record,
                    fmt::format("MX exchange {} is not a valid host name: {} (letters, digits and "
                                "hyphens only)",
                                model.name(mx.exchange.name), problem));
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
