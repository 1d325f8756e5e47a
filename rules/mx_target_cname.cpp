// mx-target-cname: an MX exchange must be a host name, never an alias (RFC 2181 §10.3,
// RFC 5321 §5.1). Checked in whichever loaded zone holds the exchange.
#include <fmt/format.h>

#include "rules/common.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  for_each_mx(model, [&](const Zone& zone, const Record& record, const MxData& mx) {
    if (is_null_mx(model, mx)) return;
    const Resolution resolution = resolve(model, mx.exchange.name, &zone, 1);
    if (resolution.aliases.empty()) return;
    const Record& alias = *resolution.aliases.front();
    const bool is_cname = alias.type == rrtype::CNAME;
    const std::string_view exchange = model.name(mx.exchange.name);
    Finding& finding = reporter.report(
        zone, record,
        is_cname ? fmt::format("MX exchange {} is an alias (CNAME to {}); an MX must name a host "
                               "with address records",
                               exchange, model.name(std::get<NameData>(alias.rdata).target.name))
                 : fmt::format("MX exchange {} is an alias (below the DNAME at {}); an MX must "
                               "name a host with address records",
                               exchange, model.name(alias.owner)));
    finding.related.push_back(
        {alias.location, is_cname ? "CNAME defined here" : "DNAME defined here"});
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
