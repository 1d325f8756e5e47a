// spf-permissive-all: "+all" (or a bare "all", whose qualifier is "+", RFC 7208 §4.6.2) makes
// every host on the Internet an authorised sender, so SPF passes for forged mail and DMARC
// aligns on it; "?all" says nothing about the rest of the Internet, which a receiver treats as
// no policy (§8.2). The first is an error, the second one step milder.
#include <fmt/format.h>

#include "rules/common.hpp"
#include "rules/mail_records.hpp"
#include "rules/rule.hpp"
#include "rules/spf_record.hpp"

namespace dnslint {
namespace {

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  for_each_txt_set(
      model, nullptr, is_spf,
      [&](const Zone& zone, NameId owner, std::span<const TxtRecord> records) {
        for (const TxtRecord& spf : records) {
          for (const SpfTerm& term : spf.spf_terms()) {
            if (term.kind != SpfKind::all || (term.qualifier != '+' && term.qualifier != '?'))
              continue;
            if (!term.evaluated) continue;  // "-all +all": the first "all" decides
            const bool pass = term.qualifier == '+';
            OpenFinding& finding = reporter.report(
                zone, *spf.record,
                pass ? fmt::format("SPF record of {} ends in '{}': every host on the Internet "
                                   "passes SPF for it, forged mail included (use '-all' or "
                                   "'~all')",
                                   model.name(owner), term.text)
                     : fmt::format("SPF record of {} ends in '?all': hosts it does not list are "
                                   "neutral, so receivers treat the domain as having no SPF "
                                   "policy (use '-all' or '~all')",
                                   model.name(owner)));
            reporter.focus(finding, term.text);
            if (!pass) reporter.make_milder(finding);
          }
        }
      });
}

}  // namespace

Rule spf_permissive_all_rule() {
  return reading_txt_records({"spf-permissive-all",
                              "SPF record ends in +all or ?all",
                              Severity::error,
                              "RFC 7208 §5.1",
                              {},
                              check});
}

}  // namespace dnslint
