// dmarc-multiple: RFC 7489 §6.6.3: of the TXT records at _dmarc.<domain>, those starting with
// "v=DMARC1" are kept; when more than one remains, policy discovery ends and no DMARC policy
// applies to the domain at all.
#include <fmt/format.h>

#include "rules/common.hpp"
#include "rules/mail_records.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  for_each_txt_set(
      model, first_labels("_dmarc"), starts_as_dmarc,
      [&](const Zone& zone, NameId owner, std::span<const TxtRecord> records) {
        if (records.size() < 2) return;
        OpenFinding& finding = reporter.report(
            zone, *records[1].record,
            fmt::format("{} has {} DMARC records; receivers apply no DMARC policy "
                        "to {} at all: keep one",
                        model.name(owner), records.size(), below_labels(model.name(owner), 1)));
        for (const TxtRecord& other : records) {
          if (other.record != records[1].record)
            reporter.relate(finding, other.record->location, "another DMARC record");
        }
      });
}

}  // namespace

Rule dmarc_multiple_rule() {
  return reading_txt_records({"dmarc-multiple",
                              "more than one DMARC record at a _dmarc name",
                              Severity::error,
                              "RFC 7489 §6.6.3",
                              {},
                              check});
}

}  // namespace dnslint
