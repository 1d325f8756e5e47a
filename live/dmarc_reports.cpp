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
namespace {

struct Authorisation {
  const Zone* zone;
  const Record* record;  // the DMARC record
  std::string uri;       // as written
  std::string tag;       // rua or ruf
  std::string domain;    // the policy's domain
  std::string destination;
  std::string name;  // where the authorisation must be
};

}  // namespace

void check_dmarc_reports(LiveRun& run) {
  Reporter* reporter = run.reporter("dmarc-external-report-live");
  if (reporter == nullptr) return;
  std::vector<Authorisation> wanted;
  for_each_txt_set(run.model, first_labels("_dmarc"), starts_as_dmarc,
                   [&](const Zone& zone, NameId owner, std::span<const TxtRecord> records) {
                     if (records.size() != 1) return;  // dmarc-multiple: no policy applies
                     const TxtRecord& dmarc = records.front();
                     const std::string domain(below_labels(run.model.name(owner), 1));
                     const TagList list = parse_tag_list(dmarc.text);
                     for (std::string_view tag : {"rua", "ruf"}) {
                       const Tag* found = list.find(tag);
                       if (found == nullptr) continue;
                       for (std::string_view uri : split_list(found->value, ',')) {
                         const auto destination = mailto_domain(uri.substr(0, uri.find('!')));
                         if (!destination || same_organisation(*destination, domain)) continue;
                         std::string name =
                             fmt::format("{}_report._dmarc.{}", domain, *destination);
                         // A loaded zone answers for it: the offline rule's finding.
                         if (lookup_records(run.model, name, rrtype::TXT).zone != nullptr) continue;
                         wanted.push_back({&zone, dmarc.record, std::string(uri), std::string(tag),
                                           domain, *destination, std::move(name)});
                       }
                     }
                   });
  if (wanted.empty()) return;
  std::vector<Question> questions;
  for (const Authorisation& authorisation : wanted)
    questions.push_back(Question::to_resolver(authorisation.name, rrtype::TXT));
  run.progress(fmt::format("asking for {} DMARC report authorisation(s)", questions.size()));
  const auto answers = run.network.ask(questions);
  for (std::size_t i = 0; i < wanted.size(); ++i) {
    const Authorisation& authorisation = wanted[i];
    const Answer& answer = answers[i];
    const std::string what =
        fmt::format("{}={} sends {}'s reports to {}", authorisation.tag, authorisation.uri,
                    authorisation.domain, authorisation.destination);
    if (!answer.ok() && answer.rcode != 3) {
      OpenFinding& finding = reporter->report_unconfirmed(
          *authorisation.zone, *authorisation.record,
          fmt::format("{}, whose authorisation {} could not be looked up: {}", what,
                      authorisation.name, failure_text(answer)));
      reporter->focus(finding, authorisation.uri);
      continue;
    }
    const bool authorised =
        std::any_of(answer.answer.begin(), answer.answer.end(), [&](const ServedRecord& r) {
          return r.type == rrtype::TXT && r.owner == authorisation.name &&
                 starts_as_dmarc(joined_txt(r));
        });
    if (authorised) continue;
    OpenFinding& finding = reporter->report(
        *authorisation.zone, *authorisation.record,
        fmt::format("{}, which publishes no {} record: receivers drop that address (RFC 7489 "
                    "§7.1)",
                    what, authorisation.name));
    reporter->focus(finding, authorisation.uri);
  }
}

}  // namespace dnslint::live
