// spf-include-missing: an "include" whose domain has no SPF record, or a "redirect" to one, is
// a permerror (RFC 7208 §5.2: include of "none" is permerror; §6.1: redirect to a domain with
// no SPF record is permerror). Only names inside a loaded zone can be judged; a zone the files
// define only in part makes the finding a note.
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
            if (term.kind != SpfKind::include && term.kind != SpfKind::redirect) continue;
            if (!term.evaluated) continue;  // never looked up
            const auto target = spf_target_name(term.domain);
            if (!target) continue;
            const RecordAnswer answer = lookup_records(model, *target, rrtype::TXT);
            if (answer.zone == nullptr) continue;
            const bool has_spf =
                std::any_of(answer.records.begin(), answer.records.end(),
                            [](const Record* record) { return is_spf(txt_text(*record)); });
            if (has_spf) continue;
            const std::string what = fmt::format("{} of {} names {}, which has no SPF record",
                                                 term.text, model.name(owner), *target);
            OpenFinding& finding = report_absence(
                model, reporter, zone, *spf.record, *answer.zone,
                fmt::format("{}: receivers return permerror for all mail of the domain (RFC "
                            "7208 {})",
                            what, term.kind == SpfKind::include ? "§5.2" : "§6.1"),
                what);
            reporter.focus(finding, term.text);
          }
        }
      });
}

}  // namespace

Rule spf_include_missing_rule() {
  return reading_txt_records({"spf-include-missing",
                              "SPF include or redirect to a loaded name without SPF",
                              Severity::error,
                              "RFC 7208 §5.2, §6.1",
                              {},
                              check});
}

}  // namespace dnslint
