#include <fmt/format.h>

#include "linter/reports.hpp"

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

std::string plural(std::size_t count, std::string_view word) {
  return fmt::format("{} {}{}", count, word, count == 1 ? "" : "s");
}

}  // namespace

std::string write_text(const LintResult& result, bool color) {
  std::string out;
  for (const Finding& f : result.findings) {
    const std::string& file = result.files[f.location.file];
    if (color) {
      out += fmt::format("\033[1m{}:{}:{}:\033[0m {}{}:\033[0m {} \033[2m[{}]\033[0m\n", file,
                         f.location.line, f.location.column, color_of(f.severity),
                         severity_name(f.severity), f.message, f.rule);
    } else {
      out += fmt::format("{}:{}:{}: {}: {} [{}]\n", file, f.location.line, f.location.column,
                         severity_name(f.severity), f.message, f.rule);
    }
  }
  return out;
}

std::string write_summary(const LintResult& result) {
  const Summary& s = result.summary;
  const std::string scope = fmt::format("{} ({}, {})", plural(s.files, "file"),
                                        plural(s.zones, "zone"), plural(s.records, "record"));
  if (result.findings.empty()) return fmt::format("dnslint: no findings in {}\n", scope);
  return fmt::format("dnslint: {}, {}, {} in {}\n", plural(s.errors, "error"),
                     plural(s.warnings, "warning"), plural(s.notes, "note"), scope);
}

}  // namespace dnslint
