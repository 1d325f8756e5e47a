#include "linter/inputs/formats.hpp"

#include <fmt/format.h>

#include <array>
#include <filesystem>

#include "formats/yaml/yaml_reader.hpp"
#include "formats/zone/zone_reader.hpp"
#include "linter/inputs/files.hpp"
#include "model/ascii.hpp"
#include "model/top_level_domains.hpp"

namespace dnslint {
namespace {

constexpr std::array<std::string_view, 8> kFormatNames{
    "zone", "tf", "tf-json", "tf-plan", "tf-state", "octodns", "dnsendpoint", "cloudformation"};

bool ends_with(std::string_view name, std::string_view suffix) {
  return ends_with_ignoring_case(name, suffix);
}

bool is_yaml_name(std::string_view name) {
  return ends_with(name, ".yaml") || ends_with(name, ".yml");
}

// dnslint's own configuration and pre-commit's, which are YAML of their own.
bool is_tool_configuration(std::string_view name) {
  return name == ".dnslint.yaml" || name == ".pre-commit-hooks.yaml" ||
         name == ".pre-commit-config.yaml";
}

// Template engines' files: Jinja (Ansible, Salt, Talos), Go templates (Helm, consul-template),
// ERB (Chef, Puppet), Mustache and the generic suffixes. What they hold is only DNS data once
// rendered, placeholders filled in.
constexpr std::array<std::string_view, 9> kTemplateSuffixes{
    ".j2", ".jinja", ".jinja2", ".tmpl", ".tpl", ".erb", ".mustache", ".gotmpl", ".template"};

// The template suffix `name` ends in, or "".
std::string_view template_suffix(std::string_view name) {
  for (std::string_view suffix : kTemplateSuffixes) {
    if (ends_with(name, suffix)) return suffix;
  }
  return {};
}

// Names of files that are never DNS data, whatever a walk finds in them.
constexpr std::array<std::string_view, 11> kOtherSuffixes{
    ".md", ".js", ".ts", ".py", ".sh", ".go", ".csv", ".tsv", ".rb", ".pl", ".nix"};

// A Terraform plan or state by its top-level keys, or a CloudFormation template (CDK writes
// them as JSON).
std::optional<InputFormat> json_format(std::string_view content) {
  const auto has = [&](std::string_view key) {
    return content.find(key) != std::string_view::npos;
  };
  // `terraform show -json` writes plans and states alike, a state with "values".
  if (has("\"format_version\"") &&
      (has("\"planned_values\"") || has("\"resource_changes\"") || has("\"root_module\""))) {
    return InputFormat::tf_plan;
  }
  if (has("\"AWSTemplateFormatVersion\"") || has("\"AWS::Route53::")) {
    return InputFormat::cloudformation;
  }
  if (has("\"terraform_version\"") && has("\"resources\"") && has("\"lineage\"")) {
    return InputFormat::tf_state;
  }
  return std::nullopt;
}

InputFormat input_format_of(YamlFormat format) {
  switch (format) {
    case YamlFormat::octodns:
      return InputFormat::octodns;
    case YamlFormat::dnsendpoint:
      return InputFormat::dnsendpoint;
    case YamlFormat::cloudformation:
      break;
  }
  return InputFormat::cloudformation;
}

// A YAML file that does not parse is an octoDNS zone when its name says so with confidence:
// named on the command line, a name with a dot (example.com.yaml, or a split zone's folder);
// found by a walk, a name that ends in a real top-level domain as well.
bool named_as_octodns_zone(std::string_view path, bool named) {
  const std::string zone = octodns_zone_from_path(path);
  if (zone.empty()) return false;
  if (named) return true;
  const std::string_view labels = std::string_view(zone).substr(0, zone.size() - 1);
  return is_top_level_domain(labels.substr(labels.rfind('.') + 1));
}

Classification skip(std::string reason, bool notable) {
  Classification result;
  result.skip_reason = std::move(reason);
  result.notable = notable;
  return result;
}

Classification read_as(InputFormat format) {
  Classification result;
  result.format = format;
  return result;
}

Classification classify_yaml(std::string_view path, std::string_view name, bool named,
                             const ContentProbe& content) {
  if (is_tool_configuration(name))
    return skip("dnslint's own or pre-commit's configuration", named);
  std::string_view text;
  try {
    text = content.whole();
  } catch (const TooLarge&) {
    return read_as(InputFormat::octodns);  // where reading it says it is too large
  }
  const YamlDetection detection = detect_yaml_format(text);
  if (detection.format) return read_as(input_format_of(*detection.format));
  if (detection.error) {
    if (named_as_octodns_zone(path, named)) return read_as(InputFormat::octodns);
    return skip(fmt::format("YAML that does not parse (line {}: {}), and whose name does not say "
                            "it is an octoDNS zone",
                            detection.error->line, detection.error->message),
                true);
  }
  return skip("YAML that is no octoDNS zone, DNSEndpoint or CloudFormation Route 53 template",
              true);
}

}  // namespace

std::optional<InputFormat> input_format_from_name(std::string_view name) {
  for (std::size_t i = 0; i < kFormatNames.size(); ++i) {
    if (kFormatNames[i] == name) return static_cast<InputFormat>(i);
  }
  return std::nullopt;
}

std::string_view input_format_name(InputFormat format) {
  return kFormatNames[static_cast<std::size_t>(format)];
}

bool is_zone_file_name(std::string_view name) {
  return ends_with(name, ".zone") || ends_with(name, ".db") || ends_with(name, ".arpa") ||
         ends_with(name, ".arpa.") || (name.size() > 3 && starts_with_ignoring_case(name, "db."));
}

bool is_candidate_name(std::string_view name) {
  if (is_tool_configuration(name)) return false;
  if (const std::string_view suffix = template_suffix(name); !suffix.empty())
    return is_candidate_name(name.substr(0, name.size() - suffix.size()));
  return ends_with(name, ".tf") || ends_with(name, ".tfvars") || ends_with(name, ".json") ||
         ends_with(name, ".tfstate") || ends_with(name, ".tfstate.backup") || is_yaml_name(name) ||
         is_zone_file_name(name);
}

bool has_name_of(std::string_view name, InputFormat format) {
  switch (format) {
    case InputFormat::zone:
      return is_zone_file_name(name);
    case InputFormat::tf:
      return ends_with(name, ".tf") || ends_with(name, ".tfvars");
    case InputFormat::tf_json:
      return ends_with(name, ".tf.json") || ends_with(name, ".tfvars.json");
    case InputFormat::tf_plan:
      return ends_with(name, ".json");
    case InputFormat::tf_state:
      return ends_with(name, ".tfstate") || ends_with(name, ".tfstate.backup");
    case InputFormat::octodns:
    case InputFormat::dnsendpoint:
    case InputFormat::cloudformation:
      return is_yaml_name(name);
  }
  return false;
}

std::optional<std::size_t> first_nul(std::string_view head) {
  const std::size_t at = head.substr(0, 8000).find('\0');
  if (at == std::string_view::npos) return std::nullopt;
  return at;
}

Classification classify(std::string_view path, bool named, const ContentProbe& content) {
  const std::string file_name = std::filesystem::path(std::string(path)).filename().string();
  const std::string_view name = file_name;
  if (const std::string_view suffix = template_suffix(name); !suffix.empty()) {
    // Notable: a walk passes on only templates of what may be DNS data.
    return skip(fmt::format("a template ({} is filled in before it is DNS data; lint what it "
                            "renders, or name it with --input-format)",
                            suffix),
                true);
  }
  if (ends_with(name, ".hcl")) {
    return skip("HCL that is not Terraform configuration (Terragrunt, Packer, a lock file)", named);
  }
  for (std::string_view suffix : kOtherSuffixes) {
    if (ends_with(name, suffix)) return skip("not a format dnslint reads", named);
  }
  if (!named && !is_candidate_name(name)) return skip("not a format dnslint reads", false);
  // Every file dnslint reads is text: an SQLite app.db, an image or a UTF-16 file is not.
  if (const auto nul = first_nul(content.head())) {
    Classification binary =
        skip("not text (it holds NUL bytes): a binary file, or text in UTF-16", true);
    binary.nul_at = nul;
    return binary;
  }
  if (ends_with(name, ".tf") || ends_with(name, ".tfvars")) return read_as(InputFormat::tf);
  if (ends_with(name, ".tf.json") || ends_with(name, ".tfvars.json"))
    return read_as(InputFormat::tf_json);
  if (ends_with(name, ".tfstate") || ends_with(name, ".tfstate.backup"))
    return read_as(InputFormat::tf_state);
  if (ends_with(name, ".json")) {
    std::string_view text;
    try {
      text = content.whole();
    } catch (const TooLarge&) {
      return read_as(InputFormat::tf_plan);  // where reading it says it is too large
    }
    if (auto format = json_format(text)) return read_as(*format);
    return skip(
        "JSON that is neither Terraform configuration (*.tf.json), a plan, state nor a "
        "CloudFormation template",
        true);
  }
  if (is_yaml_name(name)) return classify_yaml(path, name, named, content);
  if (named) return read_as(InputFormat::zone);
  if (!looks_like_master_file(content.head())) {
    return skip("its name is a zone file's, but its first lines are neither directives nor records",
                true);
  }
  return read_as(InputFormat::zone);
}

}  // namespace dnslint
