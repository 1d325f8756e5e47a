#include "linter/reports/baseline.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>

#include "formats/document_tree.hpp"
#include "linter/config/config.hpp"
#include "linter/inputs/files.hpp"
#include "linter/reports/json_writer.hpp"
#include "linter/reports/reports.hpp"

namespace dnslint {

std::string write_baseline(const LintResult& result) {
  const std::vector<std::string> fingerprints = stable_fingerprints(result);
  JsonWriter json;
  json.begin_object();
  json.key("version").value(1);
  json.key("tool").value("dnslint");
  json.key("findings").begin_array();
  for (std::size_t i = 0; i < result.findings.size(); ++i) {
    const Finding& f = result.findings[i];
    json.begin_object();
    json.key("fingerprint").value(fingerprints[i]);
    json.key("rule").value(f.rule);
    json.key("file").value(result.files[f.location.file]);
    json.key("message").value(f.message);
    json.end_object();
  }
  json.end_array();
  json.end_object();
  return json.take_document();
}

std::set<std::string> read_baseline(const std::string& path) {
  std::string content;
  try {
    content = read_whole_file(path);
  } catch (const InputError&) {
    throw ConfigError(fmt::format("{}: cannot read the baseline: {}", path, std::strerror(errno)));
  }
  const ParsedDocument document = parse_json(content, 0);
  const DocumentTree& tree = document.tree;
  if (document.error) {
    throw ConfigError(
        fmt::format("{}:{}:{}: not a baseline: the file is not valid JSON ({}); "
                    "write one with --write-baseline",
                    path, document.error->line, document.error->column, document.error->message));
  }
  const NodeId root = tree.roots.empty() ? kNoNode : tree.roots.front();
  const NodeId findings = tree.get(root, "findings");
  if (root == kNoNode || !tree.is_mapping(root) || tree.scalar(root, "version") != "1" ||
      !tree.is_sequence(findings)) {
    throw ConfigError(
        fmt::format("{}: not a dnslint baseline (expected an object with \"version\": 1 and a "
                    "\"findings\" list, as --write-baseline writes)",
                    path));
  }
  std::set<std::string> fingerprints;
  for (NodeId entry : tree.items(findings)) {
    const auto fingerprint = tree.scalar(entry, "fingerprint");
    if (!fingerprint) {
      throw ConfigError(fmt::format("{}:{}:{}: baseline entry without a fingerprint", path,
                                    tree[entry].location.line, tree[entry].location.column));
    }
    fingerprints.insert(*fingerprint);
  }
  return fingerprints;
}

std::size_t apply_baseline(LintResult& result, const std::set<std::string>& baseline) {
  const std::vector<std::string> fingerprints = stable_fingerprints(result);
  std::vector<Finding> kept;
  for (std::size_t i = 0; i < result.findings.size(); ++i) {
    if (!baseline.contains(fingerprints[i])) kept.push_back(std::move(result.findings[i]));
  }
  const std::size_t dropped = result.findings.size() - kept.size();
  result.findings = std::move(kept);
  count_severities(result);
  return dropped;
}

}  // namespace dnslint
