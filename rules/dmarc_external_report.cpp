// dmarc-external-report: DMARC reports for example.com may go to an address in another
// organisation only when that organisation agrees: before sending, receivers look up
// "example.com._report._dmarc.<destination>" for a v=DMARC1 record and drop the address when
// there is none (RFC 7489 §7.1). Checked where the destination's zone is loaded (`dnslint
// verify` asks for the others: dmarc-external-report-live).
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
        if (records.size() != 1) return;  // dmarc-multiple: no policy applies
        const TxtRecord& dmarc = records.front();
        const std::string_view domain = below_labels(model.name(owner), 1);
        const TagList list = parse_tag_list(dmarc.text);
        for (std::string_view name : {"rua", "ruf"}) {
          const Tag* tag = list.find(name);
          if (tag == nullptr) continue;
          for (std::string_view uri : split_list(tag->value, ',')) {
            const auto destination = mailto_domain(uri.substr(0, uri.find('!')));
            if (!destination || same_organisation(*destination, domain)) continue;
            const std::string authorisation =
                fmt::format("{}_report._dmarc.{}", domain, *destination);
            const RecordAnswer answer = lookup_records(model, authorisation, rrtype::TXT);
            if (answer.zone == nullptr) continue;
            const bool authorised = std::any_of(
                answer.records.begin(), answer.records.end(),
                [](const Record* record) { return starts_as_dmarc(txt_text(*record)); });
            if (authorised) continue;
            const std::string what =
                fmt::format("{}={} sends {}'s reports to {}, which publishes no {} record", name,
                            uri, domain, *destination, authorisation);
            OpenFinding& finding = report_absence(
                model, reporter, zone, *dmarc.record, *answer.zone,
                fmt::format("{}: receivers drop that address (RFC 7489 §7.1); add TXT "
                            "\"v=DMARC1\" there",
                            what),
                what);
            reporter.focus(finding, uri);
          }
        }
      });
}

}  // namespace

Rule dmarc_external_report_rule() {
  return {"dmarc-external-report",
          "DMARC report address in another domain without its authorisation",
          Severity::warning,
          "RFC 7489 §7.1",
          {},
          check};
}

}  // namespace dnslint
