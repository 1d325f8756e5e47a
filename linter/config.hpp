// The effective settings of every rule: defaults from the registry, then .dnslint.yaml, then
// the command line.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>

#include "rules/rule.hpp"

namespace dnslint {

struct RuleSettings {
  bool enabled = true;
  Severity severity = Severity::error;
  RuleOptions options;
};

// A configuration problem; what() is one line naming the file, line and problem.
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class RuleConfiguration {
 public:
  // Every rule enabled at its default severity with its default options.
  static RuleConfiguration defaults();

  RuleSettings& at(std::string_view id);
  const RuleSettings& at(std::string_view id) const;
  const std::map<std::string, RuleSettings, std::less<>>& all() const { return rules_; }

  // Reads a .dnslint.yaml: `rules: {<id>: {enabled: bool, severity: error|warning|note,
  // <option>: value}}`. Unknown rules, unknown options and wrong types are ConfigErrors.
  void apply_file(const std::filesystem::path& path);
  void apply_text(std::string_view yaml, std::string_view file_name);

  // Turns rules on or off by a comma-separated list of ids; ConfigError for an unknown id.
  void set_enabled(std::string_view list, bool enabled, std::string_view option);

 private:
  std::map<std::string, RuleSettings, std::less<>> rules_;
};

// The nearest .dnslint.yaml in `start` or one of its parents.
std::optional<std::filesystem::path> find_config_upward(const std::filesystem::path& start);

std::optional<Severity> severity_from_name(std::string_view name);

}  // namespace dnslint
