// spf-multiple: RFC 7208 §4.5: when a name holds more than one record beginning "v=spf1",
// check_host() returns permerror, so receivers see no valid SPF at all. Two records usually
// come from adding a provider's record beside the existing one instead of merging them.
#include <fmt/format.h>

#include "rules/common.hpp"
#include "rules/mail_records.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  for_each_txt_set(model, nullptr, is_spf,
                   [&](const Zone& zone, NameId owner, std::span<const TxtRecord> records) {
                     if (records.size() < 2) return;
                     OpenFinding& finding = reporter.report(
                         zone, *records[1].record,
                         fmt::format("{} has {} SPF records; receivers return permerror and "
                                     "treat the domain as having no valid SPF: merge them into "
                                     "one record",
                                     model.name(owner), records.size()));
                     for (const TxtRecord& other : records) {
                       if (other.record != records[1].record)
                         reporter.relate(finding, other.record->location, "another SPF record");
                     }
                   });
}

}  // namespace

Rule spf_multiple_rule() {
  return reading_txt_records({"spf-multiple",
                              "more than one SPF record at a name",
                              Severity::error,
                              "RFC 7208 §4.5",
                              {},
                              check});
}

}  // namespace dnslint
