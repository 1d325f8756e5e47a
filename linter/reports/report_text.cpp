#include <fmt/format.h>

#include <algorithm>

#include "linter/reports/reports.hpp"
#include "model/printable.hpp"

namespace dnslint {
namespace {

std::string_view color_of(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "\033[1;31m";
    case Severity::warning:
      return "\033[1;33m";
    case Severity::note:
      return "\033[1;36m";
  }
  return "";
}

}  // namespace

std::vector<std::string> printable_files(const LintResult& result) {
  std::vector<std::string> files;
  files.reserve(result.files.size());
  for (const std::string& file : result.files) files.push_back(printable(file));
  return files;
}

std::string plural(std::size_t count, std::string_view word) {
  return fmt::format("{} {}{}", count, word, count == 1 ? "" : "s");
}

std::size_t report_size_hint(const LintResult& result, std::size_t per_finding,
                             std::size_t per_related) {
  const std::vector<Finding>& findings = result.findings;
  if (findings.empty()) return 0;
  auto size_of = [&](const Finding& f) {
    std::size_t size = per_finding + result.files[f.location.file].size() + f.rule.size() +
                       f.message.size() + f.zone.size() + f.owner.size() + f.type.size();
    for (const RelatedLocation& related : f.related) {
      size += per_related + result.files[related.location.file].size() + related.message.size();
    }
    return size;
  };
  // Measuring every finding would visit each of a large report's texts once more than
  // writing them does (a cache miss apiece); evenly spaced samples
  // estimate the total, and a quarter more makes a short reservation rare (then the string
  // just grows).
  constexpr std::size_t kSamples = 1024;
  const std::size_t step = std::max<std::size_t>(1, findings.size() / kSamples);
  std::size_t sampled = 0;
  std::size_t samples = 0;
  for (std::size_t i = 0; i < findings.size(); i += step, ++samples) {
    sampled += size_of(findings[i]);
  }
  const std::size_t estimate = sampled * findings.size() / samples;
  return estimate + estimate / 4;
}

namespace {

void write_finding_line(std::string& out, const std::vector<std::string>& files, const Finding& f,
                        bool color) {
  auto to = std::back_inserter(out);
  const std::string& file = files[f.location.file];
  if (color) {
    fmt::format_to(to, "\033[1m{}:{}:{}:\033[0m {}{}:\033[0m {} \033[2m[{}]\033[0m\n", file,
                   f.location.line, f.location.column, color_of(f.severity),
                   severity_name(f.severity), f.message, f.rule);
  } else {
    fmt::format_to(to, "{}:{}:{}: {}: {} [{}]\n", file, f.location.line, f.location.column,
                   severity_name(f.severity), f.message, f.rule);
  }
}

// The source line under a finding, and a caret from its column to its end on that line. The
// gutter keeps tabs, so that the caret lines up however wide a terminal draws them.
void write_source(std::string& out, const Finding& f, std::string_view line, bool color) {
  auto to = std::back_inserter(out);
  const std::string number = fmt::format("{}", f.location.line);
  fmt::format_to(to, " {} | {}\n", number, line);
  std::string pad;
  const std::size_t start = std::min<std::size_t>(f.location.column, line.size() + 1);
  for (std::size_t i = 0; i + 1 < start; ++i) pad += line[i] == '\t' ? '\t' : ' ';
  std::size_t width = 1;
  if (f.location.end_line == f.location.line && f.location.end_column > f.location.column) {
    width = std::min<std::size_t>(f.location.end_column, line.size() + 1) - start;
  }
  std::string marks(std::max<std::size_t>(width, 1), '~');
  marks.front() = '^';
  fmt::format_to(to, " {} | {}{}{}{}\n", std::string(number.size(), ' '), pad,
                 color ? color_of(f.severity) : "", marks, color ? "\033[0m" : "");
}

}  // namespace

std::string write_text(const LintResult& result, bool color) {
  std::string out;
  out.reserve(report_size_hint(result, color ? 80 : 40, 0));
  const std::vector<std::string> files = printable_files(result);
  for (const Finding& f : result.findings) write_finding_line(out, files, f, color);
  return out;
}

std::string write_text_with_source(
    const LintResult& result, bool color,
    const std::function<std::optional<std::string>(FileId file, std::uint32_t line)>& source_line) {
  std::string out;
  const std::vector<std::string> files = printable_files(result);
  for (const Finding& f : result.findings) {
    write_finding_line(out, files, f, color);
    if (auto line = source_line(f.location.file, f.location.line)) {
      write_source(out, f, *line, color);
    }
  }
  return out;
}

std::string write_summary(const LintResult& result) {
  const Summary& s = result.summary;
  const std::string scope = fmt::format("{} ({}, {})", plural(s.files, "file"),
                                        plural(s.zones, "zone"), plural(s.records, "record"));
  const auto walk_skipped =
      static_cast<std::size_t>(std::count_if(result.skipped.begin(), result.skipped.end(),
                                             [](const SkippedFile& file) { return !file.named; }));
  const std::string skipped = walk_skipped == 0 ? std::string()
                                                : fmt::format("; {} skipped (--verbose says why)",
                                                              plural(walk_skipped, "file"));
  if (result.findings.empty()) return fmt::format("dnslint: no findings in {}{}\n", scope, skipped);
  return fmt::format("dnslint: {}, {}, {} in {}{}\n", plural(s.errors, "error"),
                     plural(s.warnings, "warning"), plural(s.notes, "note"), scope, skipped);
}

}  // namespace dnslint
