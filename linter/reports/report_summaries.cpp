// Reports for CI pages rather than annotations: JUnit XML for test tabs, Markdown for a
// GitHub step summary, and the count of findings per rule (--statistics).
#include <fmt/format.h>

#include <map>

#include "linter/cli/version.hpp"
#include "linter/reports/reports.hpp"
#include "model/printable.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

// Valid XML 1.0 character data in UTF-8: what is not printable is escaped first.
std::string xml_escape(std::string_view given) {
  const std::string text = printable(given);
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// A table cell: pipes escaped, no line breaks, nothing unprintable.
std::string markdown_cell(std::string_view given) {
  const std::string text = printable(given);
  std::string out;
  for (char c : text) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n' || c == '\r') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::string write_junit(const LintResult& result) {
  // One test suite per file, one test case per finding (errors and warnings fail, notes are
  // reported as passing cases with their text), and one passing case for a clean file.
  std::vector<std::vector<const Finding*>> by_file(result.files.size());
  for (const Finding& f : result.findings) by_file[f.location.file].push_back(&f);
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  std::size_t failures = 0;
  for (const Finding& f : result.findings) failures += f.severity != Severity::note;
  out += fmt::format("<testsuites name=\"dnslint\" tests=\"{}\" failures=\"{}\">\n",
                     std::max<std::size_t>(result.findings.size(), 1), failures);
  for (std::size_t file = 0; file < result.files.size(); ++file) {
    const std::string name = xml_escape(result.files[file]);
    const auto& findings = by_file[file];
    std::size_t file_failures = 0;
    for (const Finding* f : findings) file_failures += f->severity != Severity::note;
    out += fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\">\n", name,
                       std::max<std::size_t>(findings.size(), 1), file_failures);
    if (findings.empty()) {
      out += fmt::format("    <testcase name=\"dnslint\" classname=\"{}\"/>\n", name);
    }
    for (const Finding* f : findings) {
      const std::string title =
          xml_escape(fmt::format("{} at {}:{}", f->rule, f->location.line, f->location.column));
      out += fmt::format("    <testcase name=\"{}\" classname=\"{}\">\n", title, name);
      const std::string text = xml_escape(
          fmt::format("{}:{}:{}: {}: {} [{}]", result.files[f->location.file], f->location.line,
                      f->location.column, severity_name(f->severity), f->message, f->rule));
      if (f->severity == Severity::note) {
        out += fmt::format("      <system-out>{}</system-out>\n", text);
      } else {
        out += fmt::format("      <failure message=\"{}\" type=\"{}\">{}</failure>\n",
                           xml_escape(f->message), severity_name(f->severity), text);
      }
      out += "    </testcase>\n";
    }
    out += "  </testsuite>\n";
  }
  out += "</testsuites>\n";
  return out;
}

std::string write_markdown(const LintResult& result) {
  const Summary& s = result.summary;
  std::string out = "## dnslint\n\n";
  if (result.findings.empty()) {
    out += fmt::format("No findings in {} file{} ({} zone{}, {} record{}).\n", s.files,
                       s.files == 1 ? "" : "s", s.zones, s.zones == 1 ? "" : "s", s.records,
                       s.records == 1 ? "" : "s");
    return out;
  }
  out += fmt::format("**{}** error{}, **{}** warning{}, **{}** note{} in {} file{}.\n\n", s.errors,
                     s.errors == 1 ? "" : "s", s.warnings, s.warnings == 1 ? "" : "s", s.notes,
                     s.notes == 1 ? "" : "s", s.files, s.files == 1 ? "" : "s");
  out += "| | location | rule | message |\n|---|---|---|---|\n";
  for (const Finding& f : result.findings) {
    const std::string_view mark = f.severity == Severity::error     ? "error"
                                  : f.severity == Severity::warning ? "warning"
                                                                    : "note";
    out += fmt::format("| {} | `{}:{}:{}` | [`{}`]({}) | {} |\n", mark,
                       markdown_cell(result.files[f.location.file]), f.location.line,
                       f.location.column, f.rule, rule_docs_uri(f.rule), markdown_cell(f.message));
  }
  return out;
}

std::string write_statistics(const LintResult& result) {
  std::map<std::string_view, std::pair<std::size_t, Severity>> counts;
  for (const Finding& f : result.findings) {
    auto& [count, severity] = counts[f.rule];
    if (count == 0 || f.severity > severity) severity = f.severity;
    ++count;
  }
  std::vector<std::pair<std::string_view, std::pair<std::size_t, Severity>>> rows(counts.begin(),
                                                                                  counts.end());
  // Most frequent first, then by rule id.
  std::stable_sort(rows.begin(), rows.end(),
                   [](const auto& a, const auto& b) { return a.second.first > b.second.first; });
  std::string out;
  for (const auto& [rule, entry] : rows) {
    const Rule* known = find_rule(rule);
    out += fmt::format("{:>7}  {:<28}  {:<7}  {}\n", entry.first, rule, severity_name(entry.second),
                       known ? known->summary : "");
  }
  return out;
}

}  // namespace dnslint
