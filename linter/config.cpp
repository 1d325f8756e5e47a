#include "linter/config.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <fstream>
#include <sstream>

namespace dnslint {
namespace {

std::string position(std::string_view file, const YAML::Mark& mark) {
  if (mark.is_null()) return std::string(file);
  return fmt::format("{}:{}:{}", file, mark.line + 1, mark.column + 1);
}

[[noreturn]] void fail(std::string_view file, const YAML::Node& node, std::string_view problem) {
  throw ConfigError(fmt::format("{}: {}", position(file, node.Mark()), problem));
}

OptionValue read_option(std::string_view file, const YAML::Node& node, const OptionSpec& spec) {
  const auto expect_scalar = [&](std::string_view what) {
    if (!node.IsScalar()) fail(file, node, fmt::format("option '{}' must be {}", spec.name, what));
  };
  switch (spec.type) {
    case OptionType::boolean: {
      expect_scalar("true or false");
      bool value = false;
      if (!YAML::convert<bool>::decode(node, value)) {
        fail(file, node, fmt::format("option '{}' must be true or false", spec.name));
      }
      return value;
    }
    case OptionType::integer: {
      expect_scalar("an integer");
      long long value = 0;
      if (!YAML::convert<long long>::decode(node, value)) {
        fail(file, node, fmt::format("option '{}' must be an integer", spec.name));
      }
      return static_cast<std::int64_t>(value);
    }
    case OptionType::string:
      expect_scalar("a string");
      return node.Scalar();
    case OptionType::string_list: {
      if (!node.IsSequence())
        fail(file, node, fmt::format("option '{}' must be a list of strings", spec.name));
      std::vector<std::string> values;
      for (const auto& item : node) {
        if (!item.IsScalar())
          fail(file, item, fmt::format("option '{}' must be a list of strings", spec.name));
        values.push_back(item.Scalar());
      }
      return values;
    }
  }
  fail(file, node, "unsupported option type");
}

}  // namespace

std::optional<Severity> severity_from_name(std::string_view name) {
  if (name == "error") return Severity::error;
  if (name == "warning") return Severity::warning;
  if (name == "note") return Severity::note;
  return std::nullopt;
}

RuleConfiguration RuleConfiguration::defaults() {
  RuleConfiguration config;
  for (const Rule& rule : all_rules()) {
    RuleSettings settings;
    settings.severity = rule.severity;
    for (const OptionSpec& option : rule.options)
      settings.options.set(std::string(option.name), option.default_value);
    config.rules_.emplace(std::string(rule.id), std::move(settings));
  }
  return config;
}

RuleSettings& RuleConfiguration::at(std::string_view id) {
  auto it = rules_.find(id);
  if (it == rules_.end()) throw ConfigError(fmt::format("unknown rule '{}'", id));
  return it->second;
}

const RuleSettings& RuleConfiguration::at(std::string_view id) const {
  auto it = rules_.find(id);
  if (it == rules_.end()) throw ConfigError(fmt::format("unknown rule '{}'", id));
  return it->second;
}

void RuleConfiguration::set_enabled(std::string_view list, bool enabled, std::string_view option) {
  std::size_t start = 0;
  while (start <= list.size()) {
    const std::size_t comma = std::min(list.find(',', start), list.size());
    const std::string_view id = list.substr(start, comma - start);
    start = comma + 1;
    if (id.empty()) continue;
    auto it = rules_.find(id);
    if (it == rules_.end()) {
      throw ConfigError(fmt::format("{}: unknown rule '{}' (see 'dnslint rules')", option, id));
    }
    it->second.enabled = enabled;
  }
}

void RuleConfiguration::apply_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ConfigError(fmt::format("{}: cannot read the configuration file", path.string()));
  std::ostringstream text;
  text << in.rdbuf();
  apply_text(text.str(), path.string());
}

void RuleConfiguration::apply_text(std::string_view yaml, std::string_view file) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    throw ConfigError(fmt::format("{}: {}", position(file, e.mark), e.msg));
  }
  if (root.IsNull()) return;
  if (!root.IsMap()) fail(file, root, "the configuration must be a mapping");
  for (const auto& entry : root) {
    const std::string key = entry.first.Scalar();
    if (key != "rules")
      fail(file, entry.first, fmt::format("unknown key '{}' (expected 'rules')", key));
    const YAML::Node& rules = entry.second;
    if (rules.IsNull()) continue;
    if (!rules.IsMap()) fail(file, rules, "'rules' must map rule ids to settings");
    for (const auto& rule_entry : rules) {
      const std::string id = rule_entry.first.Scalar();
      const Rule* rule = find_rule(id);
      if (rule == nullptr) fail(file, rule_entry.first, fmt::format("unknown rule '{}'", id));
      RuleSettings& settings = at(id);
      const YAML::Node& body = rule_entry.second;
      if (body.IsNull()) continue;
      if (!body.IsMap()) fail(file, body, fmt::format("settings of '{}' must be a mapping", id));
      for (const auto& setting : body) {
        const std::string name = setting.first.Scalar();
        const YAML::Node& value = setting.second;
        if (name == "enabled") {
          bool enabled = true;
          if (!value.IsScalar() || !YAML::convert<bool>::decode(value, enabled)) {
            fail(file, value, "'enabled' must be true or false");
          }
          settings.enabled = enabled;
        } else if (name == "severity") {
          auto severity = value.IsScalar() ? severity_from_name(value.Scalar()) : std::nullopt;
          if (!severity) fail(file, value, "'severity' must be error, warning or note");
          settings.severity = *severity;
        } else {
          const OptionSpec* spec = nullptr;
          for (const OptionSpec& option : rule->options) {
            if (option.name == name) spec = &option;
          }
          if (spec == nullptr) {
            fail(file, setting.first, fmt::format("rule '{}' has no option '{}'", id, name));
          }
          settings.options.set(name, read_option(file, value, *spec));
        }
      }
    }
  }
}

std::optional<std::filesystem::path> find_config_upward(const std::filesystem::path& start) {
  std::error_code ec;
  std::filesystem::path dir = std::filesystem::absolute(start, ec);
  if (ec) return std::nullopt;
  while (true) {
    const auto candidate = dir / ".dnslint.yaml";
    if (std::filesystem::is_regular_file(candidate, ec)) return candidate;
    if (!dir.has_parent_path() || dir.parent_path() == dir) return std::nullopt;
    dir = dir.parent_path();
  }
}

}  // namespace dnslint
