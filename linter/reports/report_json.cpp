#include "linter/cli/version.hpp"
#include "linter/reports/json_writer.hpp"
#include "linter/reports/reports.hpp"

namespace dnslint {
namespace {

void write_location(JsonWriter& json, const LintResult& result, const SourceLocation& location) {
  json.key("file").value(result.files[location.file]);
  json.key("line").value(location.line);
  json.key("column").value(location.column);
}

}  // namespace

std::string write_json(const LintResult& result) {
  JsonWriter json;
  json.reserve(report_size_hint(result, 400, 120));
  json.begin_object();
  json.key("version").value(1);
  json.key("tool")
      .begin_object()
      .key("name")
      .value("dnslint")
      .key("version")
      .value(kVersion)
      .end_object();
  json.key("findings").begin_array();
  for (const Finding& f : result.findings) {
    json.begin_object();
    json.key("rule").value(f.rule);
    json.key("severity").value(severity_name(f.severity));
    json.key("message").value(f.message);
    write_location(json, result, f.location);
    json.key("end_line").value(f.location.end_line);
    json.key("end_column").value(f.location.end_column);
    json.key("zone").value(f.zone);
    json.key("owner").value(f.owner);
    json.key("type").value(f.type);
    json.key("related").begin_array();
    for (const RelatedLocation& related : f.related) {
      json.begin_object();
      write_location(json, result, related.location);
      json.key("message").value(related.message);
      json.end_object();
    }
    json.end_array();
    json.end_object();
  }
  json.end_array();
  const Summary& s = result.summary;
  json.key("summary").begin_object();
  json.key("files").value(s.files);
  json.key("zones").value(s.zones);
  json.key("records").value(s.records);
  json.key("errors").value(s.errors);
  json.key("warnings").value(s.warnings);
  json.key("notes").value(s.notes);
  json.end_object();
  json.end_object();
  return json.take_document();
}

}  // namespace dnslint
