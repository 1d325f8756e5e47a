// srv-target-no-address: an SRV target inside a loaded zone must have A or AAAA records, or
// clients find the service and cannot reach it (RFC 2782). The target "." says the service is
// deliberately absent and is not reported.
#include <fmt/format.h>

#include "rules/common.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  for_each_record(model, rrtype::SRV, [&](const Zone& zone, const Record& record) {
    const NameId target = std::get<SrvData>(record.rdata).target.name;
    if (model.names.is_root(target)) return;
    const Resolution resolution = resolve(model, target, &zone, 0);
    if (!resolution.aliases.empty() || !resolution.authoritative()) return;
    if (resolution.has_addresses()) return;
    const std::string no_address =
        fmt::format("SRV target {} has no A or AAAA record", model.name(target));
    report_absence(model, reporter, zone, record, *resolution.zone,
                   resolution.final_records.empty() && !resolution.zone->name_exists(target)
                       ? fmt::format("SRV target {} does not exist in zone {}", model.name(target),
                                     model.zone_name(*resolution.zone))
                       : no_address,
                   no_address);
  });
}

}  // namespace

Rule srv_target_no_address_rule() {
  return {"srv-target-no-address",
          "in-zone SRV target without A or AAAA",
          Severity::warning,
          "RFC 2782",
          {},
          check};
}

}  // namespace dnslint
