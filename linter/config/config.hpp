// The effective settings of every rule: defaults from the registry, then .dnslint.yaml, then
// the command line.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "rules/rule.hpp"

namespace YAML {
class Node;
}

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

// Settings for the files that match some globs: rules on or off, their severity, and the
// origin of zone files that set none.
struct PathOverride {
  struct Toggle {
    std::optional<bool> enabled;
    std::optional<Severity> severity;
  };
  std::vector<std::string> paths;  // globs, relative to the configuration file's folder
  std::map<std::string, Toggle, std::less<>> rules;
  std::optional<std::string> origin;
};

class RuleConfiguration {
 public:
  // Every rule enabled at its default severity with its default options.
  static RuleConfiguration defaults();

  RuleSettings& at(std::string_view id);
  const RuleSettings& at(std::string_view id) const;
  const std::map<std::string, RuleSettings, std::less<>>& all() const { return rules_; }

  // Reads a .dnslint.yaml:
  //   rules: {<id>: {enabled: bool, severity: error|warning|note, <option>: value}}
  //   exclude: [glob, ...]                       files directory walks skip
  //   overrides: [{paths: [glob, ...], rules: {<id>: {enabled, severity}}, origin: name}]
  //   zones: {<name>: {dynamic: bool, partial: bool}}  zones the files do not define whole
  // Globs are relative to the file's folder. Unknown keys, rules and options, and wrong types
  // are ConfigErrors naming the file, line and column.
  void apply_file(const std::filesystem::path& path);
  void apply_text(std::string_view yaml, std::string_view file_name,
                  const std::filesystem::path& base_dir = std::filesystem::current_path());

  // The settings of a rule for one file: the rule's, then every override whose globs match.
  RuleSettings settings_for(std::string_view id, std::string_view path) const;
  // True when the rule is on for some file (so it has to run).
  bool enabled_anywhere(std::string_view id) const;
  // True when a directory walk must skip the file.
  bool is_excluded(std::string_view path) const;
  // The origin an override gives the file, if any.
  std::optional<std::string> origin_for(std::string_view path) const;

  // What the configuration says of one zone (`zones:`), by canonical name.
  struct ZoneSettings {
    bool dynamic = false;  // records are added at run time
    bool partial = false;  // the files hold only part of the zone
  };
  const std::map<std::string, ZoneSettings, std::less<>>& zones() const { return zones_; }

  const std::vector<std::string>& exclude() const { return exclude_; }
  const std::vector<PathOverride>& overrides() const { return overrides_; }
  const std::string& source() const { return source_; }

  // Turns rules on or off by a comma-separated list of ids (ALL for every rule); ConfigError
  // for an unknown id.
  void set_enabled(std::string_view list, bool enabled, std::string_view option);
  // Turns the listed rules on and every other rule off (--select).
  void select(std::string_view list, std::string_view option);

  // What the relative paths the run asks about are relative to (reports' path root; the
  // current directory until set).
  void set_path_root(const std::filesystem::path& root) { path_root_ = root; }

 private:
  bool matches(const std::vector<std::string>& globs, std::string_view path) const;
  void read_rules(std::string_view file, const YAML::Node& rules);
  void read_override(std::string_view file, const YAML::Node& node);
  void read_zones(std::string_view file, const YAML::Node& zones);

  std::map<std::string, RuleSettings, std::less<>> rules_;
  std::vector<std::string> exclude_;
  std::vector<PathOverride> overrides_;
  std::map<std::string, ZoneSettings, std::less<>> zones_;
  std::filesystem::path base_dir_ = std::filesystem::current_path();
  std::filesystem::path path_root_ = std::filesystem::current_path();
  std::string source_ = "defaults";  // the configuration file, for `dnslint config`
};

// The effective configuration as YAML, for `dnslint config`.
std::string describe_configuration(const RuleConfiguration& config);
// The same as JSON, for `dnslint config --format json`.
std::string describe_configuration_json(const RuleConfiguration& config);

// The nearest .dnslint.yaml in `start` or one of its parents.
std::optional<std::filesystem::path> find_config_upward(const std::filesystem::path& start);

std::optional<Severity> severity_from_name(std::string_view name);

}  // namespace dnslint
