// srv-target-cname: the target of an SRV record must be a name with address records, not an
// alias (RFC 2782, "Target"); clients are not required to follow it.
#include <fmt/format.h>

#include "rules/common.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  for_each_record(model, rrtype::SRV, [&](const Zone& zone, const Record& record) {
    const NameId target = std::get<SrvData>(record.rdata).target.name;
    if (model.names.is_root(target)) return;  // "." means: no such service
    report_if_alias(model, reporter, zone, record, target, "SRV target");
  });
}

}  // namespace

Rule srv_target_cname_rule() {
  return {"srv-target-cname", "SRV target is an alias", Severity::error, "RFC 2782", {}, check};
}

}  // namespace dnslint
