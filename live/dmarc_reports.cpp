// dmarc-external-report-live: a DMARC report address in another organisation whose zone is not
// loaded, without the authorisation record receivers look up before sending (RFC 7489 §7.1:
// "<domain>._report._dmarc.<destination>" TXT "v=DMARC1"), asked of the resolver. Where the
// destination's zone is loaded, the offline dmarc-external-report judges it.
#include <fmt/format.h>

#include <algorithm>

#include "live/checks.hpp"
#include "live/wire.hpp"
#include "model/rrtype.hpp"
#include "rules/mail_records.hpp"

namespace dnslint::live {
void check_dmarc_reports(LiveRun& run) {
  Reporter* reporter = run.reporter("dmarc-external-report-live");
  if (reporter == nullptr) return;
  // Its views are of the model's names and of the TXT texts, which `texts` keeps while they are
  // read here (DerivedData may release its own hold meanwhile).
  const auto texts = run.model.derived.get<TxtRecords>(run.model);
  std::vector<ExternalReport> wanted;
  for_each_external_report(run.model, [&](const ExternalReport& report) {
    // A loaded zone answers for it: the offline rule's finding.
    if (lookup_records(run.model, report.authorisation, rrtype::TXT).zone != nullptr) return;
    wanted.push_back(report);
  });
  if (wanted.empty()) return;
  std::vector<Question> questions;
  for (const ExternalReport& report : wanted)
    questions.push_back(Question::to_resolver(report.authorisation, rrtype::TXT));
  run.progress(fmt::format("asking for {} DMARC report authorisation(s)", questions.size()));
  const auto answers = run.network.ask(questions);
  for (std::size_t i = 0; i < wanted.size(); ++i) {
    const ExternalReport& report = wanted[i];
    const Answer& answer = answers[i];
    const std::string what = fmt::format("{}={} sends {}'s reports to {}", report.tag, report.uri,
                                         report.domain, report.destination);
    if (!answer.ok() && answer.rcode != 3) {
      OpenFinding& finding = reporter->report_unconfirmed(
          *report.zone, *report.record,
          fmt::format("{}, whose authorisation {} could not be looked up: {}", what,
                      report.authorisation, failure_text(answer)));
      reporter->focus(finding, report.uri);
      continue;
    }
    const bool authorised =
        std::any_of(answer.answer.begin(), answer.answer.end(), [&](const ServedRecord& r) {
          return r.type == rrtype::TXT && r.owner == report.authorisation &&
                 starts_as_dmarc(joined_txt(r));
        });
    if (authorised) continue;
    OpenFinding& finding = reporter->report(
        *report.zone, *report.record,
        fmt::format("{}, which publishes no {} record: receivers drop that address (RFC 7489 "
                    "§7.1)",
                    what, report.authorisation));
    reporter->focus(finding, report.uri);
  }
}

}  // namespace dnslint::live
