// Reports for CI systems: GitHub Actions workflow commands and GitLab Code Quality JSON.
#include <fmt/format.h>

#include <map>
#include <tuple>

#include "linter/reports/json_writer.hpp"
#include "linter/reports/reports.hpp"

namespace dnslint {
namespace {

// GitHub's escaping for workflow command data ('%', CR, LF) and, in properties, also ':' and ','.
std::string github_escape(std::string_view text, bool property) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      case ':':
        out += property ? "%3A" : ":";
        break;
      case ',':
        out += property ? "%2C" : ",";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string_view github_command(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::note:
      return "notice";
  }
  return "error";
}

std::string_view gitlab_severity(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "major";
    case Severity::warning:
      return "minor";
    case Severity::note:
      return "info";
  }
  return "major";
}

// 64-bit FNV-1a: a stable, dependency-free digest for fingerprints (not for security).
std::uint64_t fnv1a(std::string_view text) {
  std::uint64_t hash = 0xcbf29ce484222325ull;
  for (char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ull;
  }
  return hash;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The message without the line numbers it cites ("line 12", "mail.inc:4"), so that a
// fingerprint does not change when lines move.
std::string without_line_numbers(std::string_view message) {
  std::string out;
  for (std::size_t i = 0; i < message.size(); ++i) {
    const bool after_line_word = out.ends_with("line ");
    const bool after_colon = !out.empty() && out.back() == ':';
    if ((after_line_word || after_colon) && is_digit(message[i])) {
      std::size_t end = i;
      while (end < message.size() && is_digit(message[end])) ++end;
      const bool whole = end == message.size() || message[end] == ')' || message[end] == ';' ||
                         message[end] == ' ' || message[end] == ',';
      if (after_line_word || whole) {
        out += '#';
        i = end - 1;
        continue;
      }
    }
    out += message[i];
  }
  return out;
}

}  // namespace

std::string write_github(const LintResult& result) {
  std::string out;
  out.reserve(report_size_hint(result, 100, 0));
  const std::vector<std::string> files = printable_files(result);
  for (const Finding& f : result.findings) {
    const SourceLocation& l = f.location;
    fmt::format_to(std::back_inserter(out),
                   "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                   github_command(f.severity), github_escape(files[l.file], true), l.line, l.column,
                   l.end_line, l.end_column, github_escape(f.rule, true),
                   github_escape(f.message, false));
  }
  return out;
}

std::vector<std::string> stable_fingerprints(const LintResult& result) {
  // What a finding is about, without its line: fingerprints survive lines moving. Findings
  // that are otherwise alike are told apart by their order of appearance.
  std::map<std::string, int> seen;
  std::vector<std::string> fingerprints;
  for (const Finding& f : result.findings) {
    const std::string identity =
        fmt::format("{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}", f.rule, result.files[f.location.file],
                    f.zone, f.owner, f.type, without_line_numbers(f.message));
    const int occurrence = seen[identity]++;
    fingerprints.push_back(
        fmt::format("{:016x}", fnv1a(fmt::format("{}\x1f{}", identity, occurrence))));
  }
  return fingerprints;
}

std::string write_gitlab(const LintResult& result) {
  const std::vector<std::string> fingerprints = stable_fingerprints(result);
  JsonWriter json;
  json.reserve(report_size_hint(result, 300, 0));
  json.begin_array();
  for (std::size_t i = 0; i < result.findings.size(); ++i) {
    const Finding& f = result.findings[i];
    json.begin_object();
    json.key("description").value(f.message);
    json.key("check_name").value(f.rule);
    json.key("fingerprint").value(fingerprints[i]);
    json.key("severity").value(gitlab_severity(f.severity));
    json.key("location").begin_object();
    json.key("path").value(result.files[f.location.file]);
    json.key("lines").begin_object().key("begin").value(f.location.line).end_object();
    json.end_object();
    json.end_object();
  }
  json.end_array();
  return json.take_document();
}

}  // namespace dnslint
