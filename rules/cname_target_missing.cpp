// cname-target-missing: a CNAME whose target does not exist in the loaded zone that holds it
// answers NXDOMAIN for every type: a dangling alias, and a classic subdomain-takeover risk when
// the target is later registered by someone else. Targets below a zone cut, and in zones that
// were not loaded, are not judged.
#include <fmt/format.h>

#include "rules/common.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  for_each_record(model, rrtype::CNAME, [&](const Zone& zone, const Record& record) {
    const NameId target = std::get<NameData>(record.rdata).target.name;
    const Zone* holder = model.zone_for(target, &zone);
    if (holder == nullptr || holder->delegation_at_or_above(model.names, target) != kNoName) return;
    if (dname_above(model, *holder, target) != nullptr) return;
    if (holder->name_exists(target) || !find_answer(model, *holder, target).records.empty()) return;
    report_absence(model, reporter, zone, record, *holder,
                   fmt::format("CNAME target {} does not exist in zone {}", model.name(target),
                               model.zone_name(*holder)),
                   fmt::format("CNAME target {} is not defined", model.name(target)));
  });
}

}  // namespace

Rule cname_target_missing_rule() {
  return {"cname-target-missing",
          "an in-zone CNAME target that does not exist",
          Severity::warning,
          "RFC 1034 §3.6.2",
          {},
          check};
}

}  // namespace dnslint
