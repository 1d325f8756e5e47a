// ns-target-address-literal: NSDNAME is a domain name (RFC 1035 §3.3.11); an address written
// there becomes a name like "192.0.2.53.example.com." that resolves to nothing.
#include <fmt/format.h>

#include "model/address.hpp"
#include "rules/common.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  for_each_record(model, rrtype::NS, [&](const Zone& zone, const Record& record) {
    const TargetName& host = std::get<NameData>(record.rdata).target;
    const std::string_view written = written_text(model.names, host);
    if (!looks_like_address_literal(written)) return;
    std::string message = fmt::format(
        "NS host '{}' is an IP address; an NS must name a host that has the address", written);
    if (host.written_relative()) {
      message += fmt::format(" (as written it means {})", model.name(host.name));
    }
    reporter.report(zone, record, std::move(message));
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
