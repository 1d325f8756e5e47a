// mx-duplicate-preference: exchanges that share a preference leave senders no primary and
// backup order (RFC 5321 §5.1 tries lower preferences first, and picks at random among equal
// ones). Reported once per shared preference; exact duplicates are duplicate-record's finding.
// A provider that publishes several hosts at one preference balances load on purpose: when
// every exchange sharing a preference is one of the `exempt` hosts (by default the hosted
// services of rules/mail_providers.cpp), it is not reported; a primary and a backup of different
// operators still are.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "rules/common.hpp"
#include "rules/mail_providers.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

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
          const std::string also = fmt::format("also preference {}", preference);
          for (std::size_t i = 2; i < group.size(); ++i)
            reporter.relate(finding, group[i]->location, also);
        }
      });
}

}  // namespace

Rule mx_duplicate_preference_rule() {
  return {"mx-duplicate-preference",
          "two MX records at one owner share a preference",
          Severity::warning,
          "RFC 5321 §5.1",
          {{"exempt", OptionType::string_list,
            hosted_mail_patterns(HostedMailService::Published::equal_preferences),
            "hosts published at equal preferences on purpose; a shared preference among them "
            "alone is not reported ('*.' matches every name below, a '*' label any one label)"}},
          check};
}

}  // namespace dnslint
