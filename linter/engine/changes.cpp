#include "linter/engine/changes.hpp"

#include <algorithm>
#include <set>

#include "linter/inputs/git.hpp"
#include "linter/inputs/paths.hpp"
#include "linter/reports/reports.hpp"

namespace dnslint {

ChangeReport lint_against(const LintRequest& request, const std::string& revision) {
  const GitChanges changes =
      git_changes(request.path_root.empty() ? common_root(request.paths, request.stdin_filename)
                                            : request.path_root,
                  revision);
  ChangeReport report;
  report.changed_files = changes.before.size();
  report.result = lint(request);
  LintResult& now = report.result;
  const PathDisplay display(now.path_root);
  std::set<std::string> changed;
  for (const auto& [path, text] : changes.before) changed.insert(display.show(path));
  const auto in_changed = [&](const LintResult& result, const Finding& finding) {
    return changed.contains(result.files[finding.location.file]);
  };
  const bool elsewhere = std::any_of(now.findings.begin(), now.findings.end(),
                                     [&](const Finding& f) { return !in_changed(now, f); });
  if (!elsewhere) return report;
  if (changed.empty()) {
    // Nothing changed: every finding was there before.
    report.older_findings = now.findings.size();
    now.findings.clear();
    count_severities(now);
    return report;
  }
  LintRequest before_request = request;
  for (const auto& [path, text] : changes.before) before_request.overlay[path] = text;
  const LintResult before = lint(before_request);
  const std::vector<std::string> before_prints = stable_fingerprints(before);
  std::set<std::string> older;
  for (std::size_t i = 0; i < before.findings.size(); ++i) {
    if (!in_changed(before, before.findings[i])) older.insert(before_prints[i]);
  }
  const std::vector<std::string> now_prints = stable_fingerprints(now);
  std::vector<Finding> kept;
  for (std::size_t i = 0; i < now.findings.size(); ++i) {
    if (!in_changed(now, now.findings[i]) && older.contains(now_prints[i])) {
      ++report.older_findings;
      continue;
    }
    kept.push_back(std::move(now.findings[i]));
  }
  now.findings = std::move(kept);
  count_severities(now);
  return report;
}

}  // namespace dnslint
