#include "linter/baseline.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "linter/config.hpp"
#include "linter/json_writer.hpp"
#include "linter/reports.hpp"

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
  YAML::Node root;
  try {
    root = YAML::LoadFile(path);  // JSON is read as YAML
  } catch (const YAML::BadFile&) {
    throw ConfigError(fmt::format("{}: cannot read the baseline", path));
  } catch (const YAML::Exception& e) {
    throw ConfigError(fmt::format("{}:{}:{}: not a baseline: {}", path, e.mark.line + 1,
                                  e.mark.column + 1, e.msg));
  }
  const YAML::Node findings = root.IsMap() ? root["findings"] : YAML::Node();
  if (!root.IsMap() || !root["version"] || root["version"].as<std::string>("") != "1" ||
      !findings.IsSequence()) {
    throw ConfigError(
        fmt::format("{}: not a dnslint baseline (expected version 1 and a findings list)", path));
  }
  std::set<std::string> fingerprints;
  for (const auto& entry : findings) {
    if (!entry.IsMap() || !entry["fingerprint"] || !entry["fingerprint"].IsScalar()) {
      throw ConfigError(
          fmt::format("{}:{}: baseline entry without a fingerprint", path, entry.Mark().line + 1));
    }
    fingerprints.insert(entry["fingerprint"].Scalar());
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
