// mx-duplicate-preference: exchanges that share a preference leave senders no primary and
// backup order (RFC 5321 §5.1 tries lower preferences first, and picks at random among equal
// ones). Reported once per shared preference; exact duplicates are duplicate-record's finding.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "rules/common.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
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
          {},
          check};
}

}  // namespace dnslint
