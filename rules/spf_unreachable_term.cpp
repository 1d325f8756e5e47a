// spf-unreachable-term: mechanisms after "all" are never tested (RFC 7208 §5.1: they "MUST be
// ignored"), and "redirect=" is ignored in a record that has an "all" (§6.1). Such a term
// reads as if it authorised a sender or chained a policy, but receivers never evaluate it:
// "v=spf1 -all include:_spf.mailer.example" authorises nobody. A note, since the record's
// verdict is what its "all" says; the author meant something else.
#include <fmt/format.h>

#include "model/ascii.hpp"
#include "rules/common.hpp"
#include "rules/mail_records.hpp"
#include "rules/rule.hpp"
#include "rules/spf_record.hpp"

namespace dnslint {
namespace {

// True when an "all" term may stand before another term, or the record has a redirect: without
// either no term is unreachable, and the record need not be parsed (most records end in their
// "all").
bool may_have_unreachable_terms(std::string_view text) {
  if (find_ignoring_case(text, "redirect=") != std::string_view::npos) return true;
  for (std::size_t at = find_ignoring_case(text, "all"); at != std::string_view::npos;
       at = find_ignoring_case(text, "all", at + 3)) {
    const bool starts_term =
        at > 0 && (text[at - 1] == ' ' ||
                   std::string_view("+-~?").find(text[at - 1]) != std::string_view::npos);
    const std::size_t next = text.find_first_not_of(' ', at + 3);
    if (starts_term && next != std::string_view::npos && next > at + 3) return true;
  }
  return false;
}

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  for_each_txt_set(
      model, nullptr,
      [](std::string_view text) { return is_spf(text) && may_have_unreachable_terms(text); },
      [&](const Zone& zone, NameId owner, std::span<const TxtRecord> records) {
        for (const TxtRecord& spf : records) {
          const SpfTerms terms = spf.spf_terms();
          const auto all = std::find_if(terms.begin(), terms.end(), [](const SpfTerm& term) {
            return term.kind == SpfKind::all;
          });
          for (const SpfTerm& term : terms) {
            if (term.evaluated) continue;
            OpenFinding& finding = reporter.report(
                zone, *spf.record,
                term.kind == SpfKind::redirect
                    ? fmt::format("SPF record of {}: '{}' is ignored because the record has "
                                  "'{}' (RFC 7208 §6.1); remove one of them",
                                  model.name(owner), term.text, (*all).text)
                    : fmt::format("SPF record of {}: '{}' comes after '{}' and is never "
                                  "evaluated (RFC 7208 §5.1); move it before '{}' or remove it",
                                  model.name(owner), term.text, (*all).text, (*all).text));
            reporter.focus(finding, term.text);
          }
        }
      });
}

}  // namespace

Rule spf_unreachable_term_rule() {
  return reading_txt_records(
      {"spf-unreachable-term",
       "SPF term that no evaluation reaches (after all, or redirect beside all)",
       Severity::note,
       "RFC 7208 §5.1, §6.1",
       {},
       check});
}

}  // namespace dnslint
