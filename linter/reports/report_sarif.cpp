// SARIF 2.1.0 (OASIS), as GitHub code scanning and the VS Code SARIF viewer read it: one run,
// every rule described from its docs page, results with physical and related locations, and
// fingerprints that survive lines moving.
#include <fmt/format.h>

#include <filesystem>
#include <map>

#include "linter/cli/rule_docs.hpp"
#include "linter/cli/version.hpp"
#include "linter/fix/fix.hpp"
#include "linter/reports/json_writer.hpp"
#include "linter/reports/reports.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

// "mx-target-cname" -> "MxTargetCname", the reportingDescriptor name SARIF recommends.
std::string pascal_case(std::string_view id) {
  std::string out;
  bool upper = true;
  for (char c : id) {
    if (c == '-') {
      upper = true;
      continue;
    }
    out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    upper = false;
  }
  return out;
}

// The paragraph after the title of a docs page: what the rule flags, in a sentence or two.
std::string full_description(std::string_view doc, std::string_view fallback) {
  const auto start = doc.find("\n\n");
  if (start == std::string_view::npos) return std::string(fallback);
  const auto end = doc.find("\n\n", start + 2);
  std::string text(doc.substr(start + 2, end == std::string_view::npos ? end : end - start - 2));
  for (char& c : text) {
    if (c == '\n') c = ' ';
  }
  return text.empty() ? std::string(fallback) : text;
}

// A path as a URI reference: forward slashes, and everything outside RFC 3986's unreserved
// characters (and '/') percent-encoded.
std::string uri_of(std::string_view path) {
  std::string out;
  for (char raw : path) {
    const auto c = static_cast<unsigned char>(raw);
    const bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
                            c == '~' || c == '/';
    out += unreserved ? std::string(1, raw) : fmt::format("%{:02X}", c);
  }
  if (out.starts_with("./")) out.erase(0, 2);
  return out;
}

std::vector<std::string_view> tags_of(std::string_view id) {
  const bool mail =
      id.starts_with("mx-") || id.starts_with("null-mx") || id == "target-missing-trailing-dot";
  return {"dns", mail ? "mail" : "zone-integrity"};
}

// A path under the root is relative to %SRCROOT%, one outside it an absolute file URI.
void write_artifact_location(JsonWriter& json, const std::string& path) {
  json.key("artifactLocation").begin_object();
  if (std::filesystem::path(path).is_absolute()) {
    json.key("uri").value("file://" + uri_of(path));
  } else {
    json.key("uri").value(uri_of(path));
    json.key("uriBaseId").value("%SRCROOT%");
  }
  json.end_object();
}

void write_physical_location(JsonWriter& json, const LintResult& result,
                             const SourceLocation& location) {
  json.key("physicalLocation").begin_object();
  write_artifact_location(json, result.files[location.file]);
  json.key("region").begin_object();
  json.key("startLine").value(location.line);
  json.key("startColumn").value(location.column);
  json.key("endLine").value(location.end_line);
  json.key("endColumn").value(location.end_column);
  json.end_object();
  json.end_object();
}

void write_rules(JsonWriter& json) {
  json.key("rules").begin_array();
  for (const Rule& rule : all_rules()) {
    const std::string_view doc = rule_documentation(rule.id).value_or(rule.summary);
    const std::string help_uri = rule_docs_uri(rule.id);
    json.begin_object();
    json.key("id").value(rule.id);
    json.key("name").value(pascal_case(rule.id));
    json.key("shortDescription").begin_object().key("text").value(rule.summary).end_object();
    json.key("fullDescription")
        .begin_object()
        .key("text")
        .value(full_description(doc, rule.summary))
        .end_object();
    json.key("help").begin_object().key("text").value(doc).key("markdown").value(doc).end_object();
    json.key("helpUri").value(help_uri);
    json.key("defaultConfiguration")
        .begin_object()
        .key("level")
        .value(severity_name(rule.severity))
        .end_object();
    json.key("properties").begin_object().key("tags").begin_array();
    for (auto tag : tags_of(rule.id)) json.value(tag);
    json.end_array().end_object();
    json.end_object();
  }
  json.end_array();
}

std::size_t rule_index(std::string_view id);

// SARIF 2.1.0 §3.55: a fix is a set of artifact changes, each a list of replacements.
void write_fix(JsonWriter& json, const LintResult& result, const FindingFix& fix) {
  json.key("fixes").begin_array().begin_object();
  json.key("description")
      .begin_object()
      .key("text")
      .value(fmt::format("Fix {}", fix.finding->rule))
      .end_object();
  json.key("artifactChanges").begin_array().begin_object();
  write_artifact_location(json, result.files[fix.deleted.file]);
  json.key("replacements").begin_array().begin_object();
  json.key("deletedRegion").begin_object();
  json.key("startLine").value(fix.deleted.line).key("startColumn").value(fix.deleted.column);
  json.key("endLine").value(fix.deleted.end_line).key("endColumn").value(fix.deleted.end_column);
  json.end_object();
  json.key("insertedContent").begin_object().key("text").value(fix.inserted).end_object();
  json.end_object().end_array();
  json.end_object().end_array();
  json.end_object().end_array();
}

void write_result(JsonWriter& json, const LintResult& result, const Finding& f,
                  const std::string& fingerprint, const std::string* suppression_reason,
                  const FindingFix* fix = nullptr) {
  json.begin_object();
  json.key("ruleId").value(f.rule);
  json.key("ruleIndex").value(static_cast<std::uint64_t>(rule_index(f.rule)));
  json.key("level").value(severity_name(f.severity));
  json.key("message").begin_object().key("text").value(f.message).end_object();
  json.key("locations").begin_array().begin_object();
  write_physical_location(json, result, f.location);
  json.end_object().end_array();
  if (!f.related.empty()) {
    json.key("relatedLocations").begin_array();
    for (std::size_t k = 0; k < f.related.size(); ++k) {
      json.begin_object();
      json.key("id").value(static_cast<std::uint64_t>(k + 1));
      write_physical_location(json, result, f.related[k].location);
      json.key("message").begin_object().key("text").value(f.related[k].message).end_object();
      json.end_object();
    }
    json.end_array();
  }
  // Computed from what the finding is about, not from its line, so alerts stay the same
  // alerts when lines move; given as GitHub's key too, so that code scanning uses it as is.
  json.key("partialFingerprints").begin_object();
  json.key("primaryLocationLineHash").value(fingerprint);
  json.key("dnslintFindingHash/v1").value(fingerprint);
  json.end_object();
  if (fix != nullptr) write_fix(json, result, *fix);
  if (suppression_reason != nullptr) {
    json.key("suppressions").begin_array().begin_object();
    json.key("kind").value("inSource");
    if (!suppression_reason->empty()) json.key("justification").value(*suppression_reason);
    json.end_object().end_array();
  }
  json.end_object();
}

std::size_t rule_index(std::string_view id) {
  const auto& rules = all_rules();
  for (std::size_t i = 0; i < rules.size(); ++i) {
    if (rules[i].id == id) return i;
  }
  return 0;
}

}  // namespace

std::string write_sarif(const LintResult& result, bool include_suppressed) {
  const std::vector<std::string> fingerprints = stable_fingerprints(result);
  JsonWriter json;
  // A result carries the file as a URI, fingerprints and the rule's index besides the text.
  json.reserve(report_size_hint(result, 1200, 500));
  json.begin_object();
  json.key("$schema").value("https://json.schemastore.org/sarif-2.1.0.json");
  json.key("version").value("2.1.0");
  json.key("runs").begin_array().begin_object();
  json.key("tool").begin_object().key("driver").begin_object();
  json.key("name").value("dnslint");
  json.key("version").value(kVersion);
  json.key("semanticVersion").value(kVersion);
  json.key("informationUri").value(kRepositoryUri);
  write_rules(json);
  json.end_object().end_object();
  // Relative paths are relative to the run's path root (the work tree's top, by default).
  std::error_code ec;
  std::string root = result.path_root.empty() ? std::filesystem::current_path(ec).generic_string()
                                              : result.path_root.generic_string();
  if (!root.ends_with('/')) root += '/';
  json.key("originalUriBaseIds")
      .begin_object()
      .key("%SRCROOT%")
      .begin_object()
      .key("uri")
      .value("file://" + uri_of(root))
      .end_object()
      .end_object();
  json.key("invocations").begin_array().begin_object();
  json.key("executionSuccessful").value(true);
  json.end_object().end_array();
  // Columns count bytes; zone files are ASCII in practice, where bytes and code points agree.
  json.key("columnKind").value("unicodeCodePoints");
  json.key("results").begin_array();
  std::map<const Finding*, FindingFix> fixes;
  for (FindingFix& fix : offered_fixes(result)) fixes.emplace(fix.finding, std::move(fix));
  for (std::size_t i = 0; i < result.findings.size(); ++i) {
    const auto fix = fixes.find(&result.findings[i]);
    write_result(json, result, result.findings[i], fingerprints[i], nullptr,
                 fix == fixes.end() ? nullptr : &fix->second);
  }
  if (include_suppressed) {
    LintResult suppressed_only;
    suppressed_only.files = result.files;
    for (const auto& s : result.suppressed) suppressed_only.findings.push_back(s.finding);
    const std::vector<std::string> suppressed_prints = stable_fingerprints(suppressed_only);
    for (std::size_t i = 0; i < result.suppressed.size(); ++i) {
      write_result(json, result, result.suppressed[i].finding, suppressed_prints[i],
                   &result.suppressed[i].reason);
    }
  }
  json.end_array();
  json.end_object().end_array();
  json.end_object();
  return json.take_document();
}

}  // namespace dnslint
