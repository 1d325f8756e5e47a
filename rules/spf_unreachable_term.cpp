// spf-unreachable-term: mechanisms after "all" are never tested (RFC 7208 §5.1: they "MUST be
// ignored"), and "redirect=" is ignored in a record that has an "all" (§6.1). Such a term
// reads as if it authorised a sender or chained a policy, but receivers never evaluate it:
// "v=spf1 -all include:_spf.mailer.example" authorises nobody. A note, since the record's
// verdict is what its "all" says; the author meant something else.
#include <fmt/format.h>

#include "rules/common.hpp"
#include "rules/mail_records.hpp"
#include "rules/rule.hpp"
#include "rules/spf_record.hpp"

namespace dnslint {
namespace {

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  for_each_txt_set(
      model, nullptr, "v=spf1", is_spf,
      [&](const Zone& zone, NameId owner, std::span<const TxtRecord> records) {
        for (const TxtRecord& spf : records) {
          const SpfRecord record = parse_spf(spf.text);
          const auto all = std::find_if(record.terms.begin(), record.terms.end(),
                                        [](const SpfTerm& term) { return term.kind == SpfKind::all; });
          for (const SpfTerm& term : record.terms) {
            if (term.evaluated) continue;
            OpenFinding& finding = reporter.report(
                zone, *spf.record,
                term.kind == SpfKind::redirect
                    ? fmt::format("SPF record of {}: '{}' is ignored because the record has "
                                  "'{}' (RFC 7208 §6.1); remove one of them",
                                  model.name(owner), term.text, all->text)
                    : fmt::format("SPF record of {}: '{}' comes after '{}' and is never "
                                  "evaluated (RFC 7208 §5.1); move it before '{}' or remove it",
                                  model.name(owner), term.text, all->text, all->text));
            reporter.focus(finding, term.text);
          }
        }
      });
}

}  // namespace

Rule spf_unreachable_term_rule() {
  return {"spf-unreachable-term",
          "SPF term that no evaluation reaches (after all, or redirect beside all)",
          Severity::note,
          "RFC 7208 §5.1, §6.1",
          {},
          check};
}

}  // namespace dnslint
