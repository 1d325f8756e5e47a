// spf-syntax: an SPF record that the grammar of RFC 7208 (§4.6, §12) rejects is a permerror
// for every receiver (§4.6: "if there are any syntax errors anywhere in the record, check_host()
// returns immediately with the result "permerror""): the domain then has no usable SPF, and
// DMARC receivers treat its mail as unauthenticated.
#include <fmt/format.h>

#include <algorithm>

#include "rules/common.hpp"
#include "rules/mail_records.hpp"
#include "rules/rule.hpp"
#include "rules/spf_record.hpp"

namespace dnslint {
namespace {

// True when `term` (a view into `text`) runs across the place two strings of the record meet.
bool spans_a_join(std::string_view text, std::string_view term,
                  const std::vector<std::size_t>& joins) {
  const auto begin = static_cast<std::size_t>(term.data() - text.data());
  const std::size_t end = begin + term.size();
  return std::any_of(joins.begin(), joins.end(),
                     [&](std::size_t join) { return join > begin && join < end; });
}

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  for_each_txt_set(model, nullptr, "v=spf1", is_spf,
                   [&](const Zone& zone, NameId owner, std::span<const TxtRecord> records) {
                     for (const TxtRecord& spf : records) {
                       const auto joins = txt_string_joins(*spf.record);
                       for (const SpfProblem& problem : parse_spf(spf.text).problems) {
                         OpenFinding& finding = reporter.report(
                             zone, *spf.record,
                             fmt::format("SPF record of {}: {}{}; receivers return permerror and "
                                         "treat the domain as having no valid SPF",
                                         model.name(owner), problem.message,
                                         spans_a_join(spf.text, problem.text, joins)
                                             ? " (the record's strings are joined without a "
                                               "space, RFC 7208 §3.3: end the first with a space)"
                                             : ""));
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
