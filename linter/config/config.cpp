#include "linter/config/config.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "formats/document_tree.hpp"
#include "linter/cli/suggest.hpp"
#include "linter/config/glob.hpp"
#include "linter/reports/json_writer.hpp"
#include "model/name.hpp"

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
      if (value < spec.minimum || value > spec.maximum) {
        fail(file, node,
             fmt::format("option '{}' must be from {} to {}, not {}", spec.name, spec.minimum,
                         spec.maximum, value));
      }
      return static_cast<std::int64_t>(value);
    }
    case OptionType::string:
      expect_scalar("a string");
      if (spec.check_item != nullptr) {
        if (auto problem = spec.check_item(node.Scalar()))
          fail(file, node, fmt::format("option '{}': {}", spec.name, *problem));
      }
      return node.Scalar();
    case OptionType::records: {
      std::vector<OptionRecord> records;
      const auto add = [&](const YAML::Node& fields, std::string key) {
        if (!fields.IsMap())
          fail(file, fields, fmt::format("option '{}' holds mappings of fields", spec.name));
        OptionRecord record;
        std::map<std::string, YAML::Mark> marks;
        if (!key.empty()) record[std::string(spec.record_key)] = std::move(key);
        for (const auto& field : fields) {
          if (!field.first.IsScalar() || !field.second.IsScalar())
            fail(file, field.first,
                 fmt::format("option '{}': a field is a name and a value", spec.name));
          record[field.first.Scalar()] = field.second.Scalar();
          marks[field.first.Scalar()] = field.second.Mark();
        }
        if (spec.check_record != nullptr) {
          if (auto problem = spec.check_record(record)) {
            const auto mark = marks.find(problem->first);
            throw ConfigError(
                fmt::format("{}: option '{}': {}",
                            position(file, mark != marks.end() ? mark->second : fields.Mark()),
                            spec.name, problem->second));
          }
        }
        records.push_back(std::move(record));
      };
      if (node.IsMap() && !spec.record_key.empty()) {
        for (const auto& entry : node) {
          if (!entry.first.IsScalar())
            fail(file, entry.first, fmt::format("option '{}' maps names to fields", spec.name));
          add(entry.second, entry.first.Scalar());
        }
      } else if (node.IsSequence()) {
        for (const auto& item : node) add(item, {});
      } else {
        fail(file, node, fmt::format("option '{}' must be a list of mappings", spec.name));
      }
      return records;
    }
    case OptionType::string_list: {
      std::vector<std::string> values;
      const auto add = [&](const YAML::Node& at, std::string item) {
        if (spec.check_item != nullptr) {
          if (auto problem = spec.check_item(item))
            fail(file, at, fmt::format("option '{}': {}", spec.name, *problem));
        }
        values.push_back(std::move(item));
      };
      if (spec.check_item != nullptr && node.IsMap()) {
        for (const auto& entry : node) {
          if (!entry.first.IsScalar() || !entry.second.IsScalar())
            fail(file, entry.first, fmt::format("option '{}' maps names to values", spec.name));
          add(entry.second, entry.first.Scalar() + "=" + entry.second.Scalar());
        }
        return values;
      }
      if (!node.IsSequence())
        fail(file, node, fmt::format("option '{}' must be a list of strings", spec.name));
      for (const auto& item : node) {
        if (!item.IsScalar())
          fail(file, item, fmt::format("option '{}' must be a list of strings", spec.name));
        add(item, item.Scalar());
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
    if (id == "ALL") {
      for (auto& [name, settings] : rules_) settings.enabled = enabled;
      continue;
    }
    auto it = rules_.find(id);
    if (it == rules_.end()) {
      throw ConfigError(fmt::format("{}: unknown rule '{}'{} (see 'dnslint rules')", option, id,
                                    did_you_mean(id, rule_ids())));
    }
    it->second.enabled = enabled;
  }
}

void RuleConfiguration::select(std::string_view list, std::string_view option) {
  for (auto& [name, settings] : rules_) settings.enabled = false;
  set_enabled(list, true, option);
}

void RuleConfiguration::apply_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw ConfigError(fmt::format("{}: cannot read the configuration file: {}", path.string(),
                                  std::strerror(errno)));
  }
  std::ostringstream text;
  text << in.rdbuf();
  std::error_code ec;
  const auto dir = std::filesystem::absolute(path, ec).parent_path();
  apply_text(text.str(), path.string(), dir);
  source_ = path.string();
}

namespace {

const Rule& known_rule(std::string_view file, const YAML::Node& key) {
  const Rule* rule = find_rule(key.Scalar());
  if (rule == nullptr) {
    fail(file, key,
         fmt::format("unknown rule '{}'{}", key.Scalar(), did_you_mean(key.Scalar(), rule_ids())));
  }
  return *rule;
}

bool read_enabled(std::string_view file, const YAML::Node& value) {
  bool enabled = true;
  if (!value.IsScalar() || !YAML::convert<bool>::decode(value, enabled)) {
    fail(file, value, "'enabled' must be true or false");
  }
  return enabled;
}

Severity read_severity(std::string_view file, const YAML::Node& value) {
  auto severity = value.IsScalar() ? severity_from_name(value.Scalar()) : std::nullopt;
  if (!severity) fail(file, value, "'severity' must be error, warning or note");
  return *severity;
}

const YAML::Node& expect_map(std::string_view file, const YAML::Node& node, std::string_view what) {
  if (!node.IsMap()) fail(file, node, fmt::format("{} must be a mapping", what));
  return node;
}

std::vector<std::string> read_globs(std::string_view file, const YAML::Node& node,
                                    std::string_view what) {
  if (!node.IsSequence()) fail(file, node, fmt::format("'{}' must be a list of globs", what));
  std::vector<std::string> globs;
  for (const auto& item : node) {
    if (!item.IsScalar() || item.Scalar().empty()) {
      fail(file, item, fmt::format("'{}' must be a list of globs", what));
    }
    globs.push_back(item.Scalar());
  }
  return globs;
}

}  // namespace

void RuleConfiguration::apply_text(std::string_view yaml, std::string_view file,
                                   const std::filesystem::path& base_dir) {
  // yaml-cpp's node loader can loop forever on some malformed input (an unterminated flow
  // collection); the bounded event reader finds those first, with their position.
  const ParsedDocument checked = parse_yaml(yaml, 0);
  if (checked.error) {
    throw ConfigError(fmt::format("{}:{}:{}: {}", file, checked.error->line, checked.error->column,
                                  checked.error->message));
  }
  // YAML keys are unique (YAML 1.2 §3.2.1.1); a loader would silently keep one of the two.
  if (!checked.duplicate_keys.empty()) {
    const auto& [first, repeated] = checked.duplicate_keys.front();
    const SourceLocation& at = checked.tree[repeated].location;
    throw ConfigError(fmt::format(
        "{}:{}:{}: key '{}' is given twice (first at line {}); one of "
        "the two would be lost",
        file, at.line, at.column, checked.tree[repeated].text, checked.tree[first].location.line));
  }
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    throw ConfigError(fmt::format("{}: {}", position(file, e.mark), e.msg));
  }
  base_dir_ = base_dir;
  if (root.IsNull()) return;
  expect_map(file, root, "the configuration");
  for (const auto& entry : root) {
    const std::string key = entry.first.Scalar();
    if (key == "rules") {
      if (!entry.second.IsNull()) read_rules(file, entry.second);
    } else if (key == "exclude") {
      for (auto& glob : read_globs(file, entry.second, "exclude"))
        exclude_.push_back(std::move(glob));
    } else if (key == "overrides") {
      if (!entry.second.IsSequence()) fail(file, entry.second, "'overrides' must be a list");
      for (const auto& item : entry.second) read_override(file, item);
    } else if (key == "zones") {
      if (!entry.second.IsNull()) read_zones(file, entry.second);
    } else {
      fail(file, entry.first,
           fmt::format("unknown key '{}'{} (expected rules, exclude, overrides or zones)", key,
                       did_you_mean(key, {"rules", "exclude", "overrides", "zones"})));
    }
  }
}

void RuleConfiguration::read_rules(std::string_view file, const YAML::Node& rules) {
  expect_map(file, rules, "'rules'");
  for (const auto& rule_entry : rules) {
    const Rule& rule = known_rule(file, rule_entry.first);
    RuleSettings& settings = at(rule.id);
    const YAML::Node& body = rule_entry.second;
    if (body.IsNull()) continue;
    expect_map(file, body, fmt::format("settings of '{}'", rule.id));
    for (const auto& setting : body) {
      const std::string name = setting.first.Scalar();
      if (name == "enabled") {
        settings.enabled = read_enabled(file, setting.second);
      } else if (name == "severity") {
        settings.severity = read_severity(file, setting.second);
      } else {
        const OptionSpec* spec = nullptr;
        for (const OptionSpec& option : rule.options) {
          if (option.name == name) spec = &option;
        }
        if (spec == nullptr) {
          std::vector<std::string_view> names{"enabled", "severity"};
          for (const OptionSpec& option : rule.options) names.push_back(option.name);
          fail(file, setting.first,
               fmt::format("rule '{}' has no option '{}'{}", rule.id, name,
                           did_you_mean(name, names)));
        }
        settings.options.set(name, read_option(file, setting.second, *spec));
      }
    }
  }
}

void RuleConfiguration::read_override(std::string_view file, const YAML::Node& node) {
  expect_map(file, node, "an override");
  PathOverride override_;
  for (const auto& entry : node) {
    const std::string key = entry.first.Scalar();
    if (key == "paths") {
      override_.paths = read_globs(file, entry.second, "paths");
    } else if (key == "origin") {
      std::string canonical;
      const std::string text = entry.second.IsScalar() ? entry.second.Scalar() : std::string();
      if (text.empty() || parse_name(text.ends_with('.') ? text : text + ".", ".", canonical)) {
        fail(file, entry.second, "'origin' must be a domain name");
      }
      override_.origin = canonical;
    } else if (key == "rules") {
      for (const auto& rule_entry : expect_map(file, entry.second, "'rules'")) {
        const Rule& rule = known_rule(file, rule_entry.first);
        PathOverride::Toggle& toggle = override_.rules[std::string(rule.id)];
        for (const auto& setting :
             expect_map(file, rule_entry.second, fmt::format("settings of '{}'", rule.id))) {
          const std::string name = setting.first.Scalar();
          if (name == "enabled") {
            toggle.enabled = read_enabled(file, setting.second);
          } else if (name == "severity") {
            toggle.severity = read_severity(file, setting.second);
          } else {
            fail(file, setting.first,
                 fmt::format("an override sets only 'enabled' and 'severity' ('{}' applies to "
                             "the whole run)",
                             name));
          }
        }
      }
    } else {
      fail(file, entry.first,
           fmt::format("unknown key '{}' in an override (expected paths, rules or origin)", key));
    }
  }
  if (override_.paths.empty()) fail(file, node, "an override needs 'paths'");
  overrides_.push_back(std::move(override_));
}

void RuleConfiguration::read_zones(std::string_view file, const YAML::Node& zones) {
  for (const auto& zone : expect_map(file, zones, "'zones'")) {
    std::string canonical;
    const std::string text = zone.first.IsScalar() ? zone.first.Scalar() : std::string();
    if (text.empty() || parse_name(text.ends_with('.') ? text : text + ".", ".", canonical))
      fail(file, zone.first, "a key of 'zones' must be a zone name");
    ZoneSettings settings;
    for (const auto& setting : expect_map(file, zone.second, fmt::format("zone '{}'", text))) {
      const std::string name = setting.first.Scalar();
      bool value = false;
      if (!setting.second.IsScalar() || !YAML::convert<bool>::decode(setting.second, value))
        fail(file, setting.second, fmt::format("'{}' must be true or false", name));
      if (name == "dynamic") {
        settings.dynamic = value;
      } else if (name == "partial") {
        settings.partial = value;
      } else {
        fail(file, setting.first,
             fmt::format("unknown key '{}' of zone '{}'{} (expected dynamic or partial)", name,
                         text, did_you_mean(name, {"dynamic", "partial"})));
      }
    }
    zones_[canonical] = settings;
  }
}

bool RuleConfiguration::matches(const std::vector<std::string>& globs,
                                std::string_view path) const {
  std::error_code ec;
  const std::filesystem::path given(path);
  const auto absolute =
      std::filesystem::weakly_canonical(given.is_absolute() ? given : path_root_ / given, ec);
  const std::string relative = absolute.lexically_relative(base_dir_).generic_string();
  if (relative.empty() || relative.starts_with("..")) return false;
  for (const auto& glob : globs) {
    if (glob_match(glob, relative)) return true;
  }
  return false;
}

RuleSettings RuleConfiguration::settings_for(std::string_view id, std::string_view path) const {
  RuleSettings settings = at(id);
  for (const PathOverride& override_ : overrides_) {
    auto it = override_.rules.find(id);
    if (it == override_.rules.end() || !matches(override_.paths, path)) continue;
    if (it->second.enabled) settings.enabled = *it->second.enabled;
    if (it->second.severity) settings.severity = *it->second.severity;
  }
  return settings;
}

bool RuleConfiguration::enabled_anywhere(std::string_view id) const {
  if (at(id).enabled) return true;
  for (const PathOverride& override_ : overrides_) {
    auto it = override_.rules.find(id);
    if (it != override_.rules.end() && it->second.enabled.value_or(false)) return true;
  }
  return false;
}

bool RuleConfiguration::is_excluded(std::string_view path) const {
  return !exclude_.empty() && matches(exclude_, path);
}

std::optional<std::string> RuleConfiguration::origin_for(std::string_view path) const {
  std::optional<std::string> origin;
  for (const PathOverride& override_ : overrides_) {
    if (override_.origin && matches(override_.paths, path)) origin = override_.origin;
  }
  return origin;
}

std::string describe_configuration_json(const RuleConfiguration& config) {
  JsonWriter json;
  json.begin_object();
  json.key("source").value(config.source());
  json.key("rules").begin_object();
  for (const auto& [id, settings] : config.all()) {
    json.key(id).begin_object();
    json.key("enabled").value(settings.enabled);
    json.key("severity").value(severity_name(settings.severity));
    for (const OptionSpec& option : find_rule(id)->options) {
      json.key(option.name);
      switch (option.type) {
        case OptionType::boolean:
          json.value(settings.options.boolean(option.name));
          break;
        case OptionType::integer:
          json.value(settings.options.integer(option.name));
          break;
        case OptionType::string:
          json.value(settings.options.text(option.name));
          break;
        case OptionType::records:
          json.begin_array();
          for (const OptionRecord& record : settings.options.records(option.name)) {
            json.begin_object();
            for (const auto& [field, value] : record) json.key(field).value(value);
            json.end_object();
          }
          json.end_array();
          break;
        case OptionType::string_list:
          json.begin_array();
          for (const auto& item : settings.options.strings(option.name)) json.value(item);
          json.end_array();
          break;
      }
    }
    json.end_object();
  }
  json.end_object();
  json.key("exclude").begin_array();
  for (const auto& glob : config.exclude()) json.value(glob);
  json.end_array();
  json.key("overrides").begin_array();
  for (const PathOverride& override_ : config.overrides()) {
    json.begin_object();
    json.key("paths").begin_array();
    for (const auto& glob : override_.paths) json.value(glob);
    json.end_array();
    if (override_.origin) json.key("origin").value(*override_.origin);
    json.key("rules").begin_object();
    for (const auto& [id, toggle] : override_.rules) {
      json.key(id).begin_object();
      if (toggle.enabled) json.key("enabled").value(*toggle.enabled);
      if (toggle.severity) json.key("severity").value(severity_name(*toggle.severity));
      json.end_object();
    }
    json.end_object();
    json.end_object();
  }
  json.end_array();
  json.key("zones").begin_object();
  for (const auto& [name, settings] : config.zones()) {
    json.key(name).begin_object();
    json.key("dynamic").value(settings.dynamic);
    json.key("partial").value(settings.partial);
    json.end_object();
  }
  json.end_object();
  json.end_object();
  return json.take_document();
}

std::string describe_configuration(const RuleConfiguration& config) {
  std::string out = fmt::format("# effective configuration (from {})\nrules:\n", config.source());
  for (const auto& [id, settings] : config.all()) {
    out += fmt::format("  {}: {{enabled: {}, severity: {}", id, settings.enabled,
                       severity_name(settings.severity));
    for (const OptionSpec& option : find_rule(id)->options) {
      out += fmt::format(", {}: ", option.name);
      if (option.type == OptionType::integer) {
        out += fmt::format("{}", settings.options.integer(option.name));
      } else if (option.type == OptionType::string_list) {
        std::string list;
        for (const auto& item : settings.options.strings(option.name)) {
          list += (list.empty() ? "" : ", ") + json_quote(item);
        }
        out += fmt::format("[{}]", list);
      } else if (option.type == OptionType::boolean) {
        out += fmt::format("{}", settings.options.boolean(option.name));
      } else if (option.type == OptionType::string) {
        out += json_quote(settings.options.text(option.name));
      } else if (option.type == OptionType::records) {
        std::string list;
        for (const OptionRecord& record : settings.options.records(option.name)) {
          std::string fields;
          for (const auto& [field, value] : record)
            fields += fmt::format("{}{}: {}", fields.empty() ? "" : ", ", field, json_quote(value));
          list += fmt::format("{}{{{}}}", list.empty() ? "" : ", ", fields);
        }
        out += fmt::format("[{}]", list);
      }
    }
    out += "}\n";
  }
  out += "exclude: [";
  for (std::size_t i = 0; i < config.exclude().size(); ++i) {
    out += (i ? ", " : "") + json_quote(config.exclude()[i]);
  }
  out += "]\noverrides:";
  if (config.overrides().empty()) out += " []";
  out += "\n";
  for (const PathOverride& override_ : config.overrides()) {
    std::string paths;
    for (const auto& glob : override_.paths)
      paths += (paths.empty() ? "" : ", ") + json_quote(glob);
    out += fmt::format("  - paths: [{}]\n", paths);
    if (override_.origin) out += fmt::format("    origin: {}\n", json_quote(*override_.origin));
    if (!override_.rules.empty()) out += "    rules:\n";
    for (const auto& [id, toggle] : override_.rules) {
      out += fmt::format("      {}: {{", id);
      std::string fields;
      if (toggle.enabled) fields += fmt::format("enabled: {}", *toggle.enabled);
      if (toggle.severity) {
        fields += fmt::format("{}severity: {}", fields.empty() ? "" : ", ",
                              severity_name(*toggle.severity));
      }
      out += fields + "}\n";
    }
  }
  out += "zones:";
  if (config.zones().empty()) out += " {}";
  out += "\n";
  for (const auto& [name, settings] : config.zones()) {
    out += fmt::format("  {}: {{dynamic: {}, partial: {}}}\n", json_quote(name), settings.dynamic,
                       settings.partial);
  }
  return out;
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
