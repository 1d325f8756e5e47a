// mx-duplicate-preference: exchanges that share a preference leave senders no primary and
// backup order (RFC 5321 §5.1 tries lower preferences first, and picks at random among equal
// ones). Reported once per shared preference; exact duplicates are duplicate-record's finding.
// A provider that publishes several hosts at one preference balances load on purpose: when
// every exchange sharing a preference is one of the `exempt` hosts (the major providers' by
// default), it is not reported; a primary and a backup of different operators still are.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "rules/common.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

// Hosts the major mail providers publish at equal preferences on purpose, from their setup
// documentation.
std::vector<std::string> load_balanced_providers() {
  return {
      "aspmx.l.google.com.",  // Google Workspace: 1 aspmx, 5 alt1 and alt2, 10 alt3 and alt4
      "*.aspmx.l.google.com.",
      "*.googlemail.com.",          // Google's older set: 10 aspmx2 and aspmx3.googlemail.com
      "*.mail.icloud.com.",         // iCloud+: 10 mx01 and mx02
      "*.mailgun.org.",             // Mailgun: 10 mxa and mxb
      "*.privateemail.com.",        // Namecheap Private Email: 10 mx1 and mx2
      "*.mimecast.com.",            // Mimecast: 10 REGION-smtp-inbound-1 and -2
      "*.pphosted.com.",            // Proofpoint: 10 mx0a- and mx0b-
      "*.ppe-hosted.com.",          // Proofpoint Essentials
      "*.mx.cloudflare.net.",       // Cloudflare Email Routing: route1, route2, route3
      "*.inbound.createsend.com.",  // Campaign Monitor bounce domains: 5 mx20 and mx21
  };
}

void check(const Model& model, const RuleOptions& options, Reporter& reporter) {
  const NamePatterns exempt(options.strings("exempt"));
  for_each_rrset(
      model, rrtype::MX, [&](const Zone& zone, NameId owner, std::span<const std::uint32_t> set) {
        // Preference -> the records with distinct exchanges at it, in source order.
        std::map<std::int64_t, std::vector<const Record*>> by_preference;
        std::set<std::pair<std::int64_t, NameId>> seen;  // not a scan: sets can be huge
        for (std::uint32_t index : set) {
          const Record& record = zone.records[index];
          const auto& mx = std::get<MxData>(record.rdata);
          if (is_null_mx(model, mx)) continue;
          if (seen.emplace(mx.preference(), mx.exchange.name).second) {
            by_preference[mx.preference()].push_back(&record);
          }
        }
        for (const auto& [preference, group] : by_preference) {
          if (group.size() < 2) continue;
          const bool one_provider = std::all_of(group.begin(), group.end(), [&](const Record* r) {
            return exempt.matches(model.name(std::get<MxData>(r->rdata).exchange.name));
          });
          if (one_provider) continue;
          const auto& first = std::get<MxData>(group.front()->rdata);
          OpenFinding& finding = reporter.report(
              zone, *group[1],
              group.size() == 2
                  ? fmt::format("MX preference {} of {} is shared with {} ({}); give the backup a "
                                "higher number",
                                preference, model.name(owner), model.name(first.exchange.name),
                                where(model, group.front()->location, group[1]->location))
                  : fmt::format("MX preference {} of {} is shared by {} exchanges; give backups "
                                "higher numbers",
                                preference, model.name(owner), group.size()));
          reporter.relate(finding, group.front()->location,
                          fmt::format("first MX with preference {} here", preference));
          for (std::size_t i = 2; i < group.size(); ++i) {
            reporter.relate(finding, group[i]->location,
                            fmt::format("also preference {}", preference));
          }
        }
      });
}

}  // namespace

Rule mx_duplicate_preference_rule() {
  return {"mx-duplicate-preference",
          "two MX records at one owner share a preference",
          Severity::warning,
          "RFC 5321 §5.1",
          {{"exempt", OptionType::string_list, load_balanced_providers(),
            "hosts published at equal preferences on purpose; a shared preference among them "
            "alone is not reported ('*.' matches every name below, a '*' label any one label)"}},
          check};
}

}  // namespace dnslint
