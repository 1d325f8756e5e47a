// dmarc-external-report: DMARC reports for example.com may go to an address in another
// organisation only when that organisation agrees: before sending, receivers look up
// "example.com._report._dmarc.<destination>" for a v=DMARC1 record and drop the address when
// there is none (RFC 7489 §7.1). Checked where the destination's zone is loaded (`dnslint
// verify` asks for the others: dmarc-external-report-live).
#include <fmt/format.h>

#include <algorithm>

#include "rules/common.hpp"
#include "rules/mail_records.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  for_each_external_report(model, [&](const ExternalReport& report) {
    const RecordAnswer answer = lookup_records(model, report.authorisation, rrtype::TXT);
    if (answer.zone == nullptr) return;
    const bool authorised =
        std::any_of(answer.records.begin(), answer.records.end(),
                    [](const Record* record) { return starts_as_dmarc(txt_text(*record)); });
    if (authorised) return;
    const std::string what =
        fmt::format("{}={} sends {}'s reports to {}, which publishes no {} record", report.tag,
                    report.uri, report.domain, report.destination, report.authorisation);
    OpenFinding& finding = report_absence(
        model, reporter, *report.zone, *report.record, *answer.zone,
        fmt::format("{}: receivers drop that address (RFC 7489 §7.1); add TXT \"v=DMARC1\" there",
                    what),
        what);
    reporter.focus(finding, report.uri);
  });
}

}  // namespace

Rule dmarc_external_report_rule() {
  return reading_txt_records({"dmarc-external-report",
                              "DMARC report address in another domain without its authorisation",
                              Severity::warning,
                              "RFC 7489 §7.1",
                              {},
                              check});
}

}  // namespace dnslint
