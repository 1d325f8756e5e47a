#include "linter/cli/rule_catalog.hpp"

#include <fmt/format.h>

#include "linter/reports/json_writer.hpp"
#include "rules/rule.hpp"

namespace dnslint {

std::string write_rule_list(std::string_view format) {
  std::string out;
  if (format == "json") {
    JsonWriter json;
    json.begin_object().key("rules").begin_array();
    for (const Rule& rule : all_rules()) {
      json.begin_object();
      json.key("id").value(rule.id);
      json.key("severity").value(severity_name(rule.severity));
      json.key("summary").value(rule.summary);
      json.key("rfc").value(rule.rfc);
      json.key("docs").value(fmt::format("docs/rules/{}.md", rule.id));
      json.end_object();
    }
    json.end_array().end_object();
    return json.take_document();
  }
  if (format == "markdown") {
    out += "| rule | severity | what it flags | reference |\n|---|---|---|---|\n";
    for (const Rule& rule : all_rules()) {
      out += fmt::format("| [`{0}`](docs/rules/{0}.md) | {1} | {2}{3} | {4} |\n", rule.id,
                         severity_name(rule.severity), rule.live ? "`dnslint verify`: " : "",
                         rule.summary, rule.rfc);
    }
    return out;
  }
  for (const Rule& rule : all_rules()) {
    // The live rules run in `dnslint verify` only.
    out += fmt::format("{:<28} {:<8} {}{}\n", rule.id, severity_name(rule.severity),
                       rule.live ? "(verify) " : "", rule.summary);
  }
  return out;
}

}  // namespace dnslint
