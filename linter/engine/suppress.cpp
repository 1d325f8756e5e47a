#include "linter/engine/suppress.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "linter/cli/suggest.hpp"
#include "model/reported_rules.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

Finding suppression_finding(std::string_view rule, const Suppression& suppression,
                            std::string message) {
  Finding finding;
  finding.rule = rule;
  finding.location = suppression.location;
  finding.message = std::move(message);
  return finding;
}

}  // namespace

void apply_suppressions(std::vector<Finding>& findings,
                        const std::vector<Suppression>& suppressions, bool report_unused,
                        std::vector<SuppressedFinding>& suppressed_out) {
  if (suppressions.empty()) return;
  std::vector<bool> used(suppressions.size(), false);
  auto suppress = [&](std::vector<Finding>& list) {
    std::erase_if(list, [&](Finding& finding) {
      const Suppression* by = nullptr;
      for (std::size_t i = 0; i < suppressions.size(); ++i) {
        const Suppression& s = suppressions[i];
        if (s.location.file != finding.location.file || finding.location.line < s.first_line ||
            finding.location.line > s.last_line) {
          continue;
        }
        if (s.rules.empty() ||
            std::find(s.rules.begin(), s.rules.end(), finding.rule) != s.rules.end()) {
          used[i] = true;
          if (by == nullptr) by = &s;
        }
      }
      if (by != nullptr) suppressed_out.push_back({std::move(finding), by->reason});
      return by != nullptr;
    });
  };
  suppress(findings);
  std::vector<Finding> about_suppressions;
  std::vector<std::size_t> unused_candidates;  // suppression index of each unused report
  for (std::size_t i = 0; i < suppressions.size(); ++i) {
    const Suppression& s = suppressions[i];
    bool valid = s.unknown_directive.empty();
    if (!valid) {
      about_suppressions.push_back(suppression_finding(
          rule_id::invalid_suppression, s,
          fmt::format("'{}' is no directive{}, so this comment suppresses nothing (write "
                      "dnslint-disable-next-line, dnslint-disable-line, dnslint-disable or "
                      "dnslint-enable)",
                      s.unknown_directive,
                      did_you_mean(s.unknown_directive,
                                   {"dnslint-disable-next-line", "dnslint-disable-line",
                                    "dnslint-disable", "dnslint-enable"}))));
    }
    for (const std::string& rule : s.rules) {
      if (find_rule(rule) == nullptr) {
        valid = false;
        about_suppressions.push_back(suppression_finding(
            rule_id::invalid_suppression, s,
            fmt::format("suppression names unknown rule '{}'{} (see 'dnslint rules')", rule,
                        did_you_mean(rule, rule_ids()))));
      }
    }
    if (report_unused && valid && !used[i]) unused_candidates.push_back(i);
  }
  suppress(about_suppressions);
  std::vector<Finding> unused;
  for (std::size_t i : unused_candidates) {
    const Suppression& s = suppressions[i];
    unused.push_back(suppression_finding(
        rule_id::unused_suppression, s,
        s.rules.empty()
            ? std::string("suppression matched no finding")
            : fmt::format("suppression of {} matched no finding", fmt::join(s.rules, ", "))));
  }
  suppress(unused);
  // A suppression that silenced a report about another one was used after all.
  std::erase_if(unused, [&](const Finding& f) {
    for (std::size_t i : unused_candidates) {
      if (suppressions[i].location.file == f.location.file &&
          suppressions[i].location.line == f.location.line && used[i]) {
        return true;
      }
    }
    return false;
  });
  for (auto* list : {&about_suppressions, &unused}) {
    std::move(list->begin(), list->end(), std::back_inserter(findings));
  }
}

}  // namespace dnslint
