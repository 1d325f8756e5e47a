// spf-syntax: an SPF record that the grammar of RFC 7208 (§4.6, §12) rejects is a permerror
// for every receiver (§4.6: "if there are any syntax errors anywhere in the record, check_host()
// returns immediately with the result "permerror""): the domain then has no usable SPF, and
// DMARC receivers treat its mail as unauthenticated.
#include <fmt/format.h>

#include "rules/common.hpp"
#include "rules/mail_records.hpp"
#include "rules/rule.hpp"
#include "rules/spf_record.hpp"

namespace dnslint {
namespace {

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  for_each_txt_set(model, any_owner, is_spf,
                   [&](const Zone& zone, NameId owner, std::span<const TxtRecord> records) {
                     for (const TxtRecord& spf : records) {
                       for (const SpfProblem& problem : parse_spf(spf.text).problems) {
                         OpenFinding& finding = reporter.report(
                             zone, *spf.record,
                             fmt::format("SPF record of {}: {}; receivers return permerror and "
                                         "treat the domain as having no valid SPF",
                                         model.name(owner), problem.message));
                         reporter.focus(finding, problem.text);
                       }
                     }
                   });
}

}  // namespace

Rule spf_syntax_rule() {
  return {"spf-syntax",
          "SPF record that RFC 7208 rejects (permerror)",
          Severity::error,
          "RFC 7208 §4.6, §12",
          {},
          check};
}

}  // namespace dnslint
