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
    const NameId host = std::get<NameData>(record.rdata).target.name;
    const Record* alias = alias_record(model, host, &zone);
    if (alias == nullptr) return;
    Finding& finding = reporter.report(
        zone, record,
        fmt::format("NS host {} is an alias ({}); an NS must name a host with address records",
                    model.name(host), describe_alias(model, *alias)));
    finding.related.push_back(
        {alias->location, fmt::format("{} defined here", type_name(alias->type))});
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
