#include "linter/reports/records.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "formats/zone/presentation.hpp"
#include "linter/reports/json_writer.hpp"
#include "model/ascii.hpp"
#include "model/printable.hpp"
#include "model/reported_rules.hpp"

namespace dnslint {
namespace {

// RFC 4034 §6.1 canonical order: labels compared from the right, each as lowercase octets.
std::vector<std::string_view> labels_from_right(std::string_view name) {
  std::vector<std::string_view> labels;
  while (!name.empty() && name != ".") {
    std::size_t end = 0;
    while (end < name.size() && name[end] != '.') end += name[end] == '\\' ? 2 : 1;
    labels.push_back(name.substr(0, end));
    name.remove_prefix(std::min(end + 1, name.size()));
  }
  std::reverse(labels.begin(), labels.end());
  return labels;
}

bool label_less(std::string_view a, std::string_view b) {
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return static_cast<unsigned char>(ascii_lower(x)) < static_cast<unsigned char>(ascii_lower(y));
  });
}

bool canonical_less(std::string_view a, std::string_view b) {
  const std::vector<std::string_view> left = labels_from_right(a);
  const std::vector<std::string_view> right = labels_from_right(b);
  return std::lexicographical_compare(left.begin(), left.end(), right.begin(), right.end(),
                                      label_less);
}

// One RRset as `records` prints it.
struct RRsetView {
  NameId owner;
  RRType type;
  std::vector<const Record*> records;
};

// The zone's RRsets in canonical order: the apex SOA first, then by owner and type.
std::vector<RRsetView> rrsets_of(const Model& model, const Zone& zone) {
  std::map<std::pair<NameId, RRType>, std::vector<const Record*>> sets;
  for (std::size_t i = 0; i < zone.records.size(); ++i) {
    if (zone.is_repeat(static_cast<std::uint32_t>(i))) continue;  // servers hold it once
    const Record& record = zone.records[i];
    sets[{record.owner, record.type}].push_back(&record);
  }
  std::vector<RRsetView> out;
  for (auto& [key, records] : sets) out.push_back({key.first, key.second, std::move(records)});
  std::stable_sort(out.begin(), out.end(), [&](const RRsetView& a, const RRsetView& b) {
    const bool a_soa = a.type == rrtype::SOA && a.owner == zone.origin;
    const bool b_soa = b.type == rrtype::SOA && b.owner == zone.origin;
    if (a_soa != b_soa) return a_soa;
    if (a.owner != b.owner) return canonical_less(model.name(a.owner), model.name(b.owner));
    return a.type < b.type;
  });
  return out;
}

// The resource of each IaC record: by its place and owner (instances of one resource block
// share the place).
using Addresses =
    std::map<std::tuple<FileId, std::uint32_t, std::uint32_t, std::string_view>, std::string_view>;

Addresses addresses_of(const BuiltModel& built) {
  Addresses addresses;
  for (const RecordSource& source : built.sources) {
    addresses.emplace(std::tuple{source.at.file, source.at.line, source.at.column,
                                 std::string_view(source.owner)},
                      source.address);
  }
  return addresses;
}

// Where a record is written, and the resource it comes from (infrastructure code); without
// the file when it is `same_file_as`'s.
std::string source_of(const BuiltModel& built, const Record& record, const Addresses& addresses,
                      const Record* same_file_as = nullptr) {
  const SourceLocation at = record.location;
  std::string text = same_file_as != nullptr && same_file_as->location.get().file == at.file
                         ? std::to_string(at.line)
                         : fmt::format("{}:{}", printable(built.model.files[at.file]), at.line);
  if (const auto found =
          addresses.find({at.file, at.line, at.column, built.model.name(record.owner)});
      found != addresses.end())
    text += fmt::format(" {}", found->second);
  return text;
}

// Where an RRset's records are written: "a.zone:3, 4", "main.tf:12 aws_route53_record.mx".
std::string sources_of(const BuiltModel& built, const RRsetView& set, const Addresses& addresses) {
  std::string text;
  std::vector<std::string> seen;
  const Record* previous = nullptr;
  for (const Record* record : set.records) {
    const std::string source = source_of(built, *record, addresses, previous);
    if (std::find(seen.begin(), seen.end(), source) != seen.end()) continue;
    seen.push_back(source);
    text += text.empty() ? source : ", " + source;
    previous = record;
  }
  return text;
}

std::string zone_state(const Zone& zone) {
  if (zone.dynamic) return "dynamic: records are added to it at run time";
  if (!zone.origin_known) return "only the names these files hold";
  if (!zone.complete) return "partial: these files define only part of it";
  return "whole";
}

std::string ttl_text(const Record& record) {
  return record.unknown_ttl() ? std::string("-") : std::to_string(record.ttl);
}

std::string class_text(const Record& record) { return class_name(record.rclass); }

}  // namespace

std::string write_records_text(const BuiltModel& built) {
  const Model& model = built.model;
  const Addresses addresses = addresses_of(built);
  std::string out;
  for (const Zone& zone : model.zones) {
    if (!out.empty()) out += '\n';
    out += zone.origin_known ? fmt::format("; zone {} ({}), from {}\n", model.zone_name(zone),
                                           zone_state(zone), printable(model.files[zone.file]))
                             : fmt::format("; a zone whose name is not known ({}), from {}\n",
                                           zone_state(zone), printable(model.files[zone.file]));
    for (const RRsetView& set : rrsets_of(model, zone)) {
      out += fmt::format("; {}\n", sources_of(built, set, addresses));
      for (const Record* record : set.records) {
        const std::string head =
            fmt::format("{} {} {} {}", model.name(record->owner), ttl_text(*record),
                        class_text(*record), type_name(record->type));
        if (record->unknown_value()) {
          out += fmt::format("; {} (not known statically: {})\n", head,
                             source_of(built, *record, addresses));
        } else {
          out += fmt::format("{} {}\n", head, rdata_presentation(model.names, *record));
        }
      }
    }
  }
  // What the files do not say statically, as the readers noted it.
  bool first = true;
  for (const Finding& finding : built.findings) {
    if (finding.rule != rule_id::unresolved_value) continue;
    if (first) out += fmt::format("{}; not known statically:\n", out.empty() ? "" : "\n");
    first = false;
    out += fmt::format(";   {}:{}:{}: {}\n", printable(model.files[finding.location.file]),
                       finding.location.line, finding.location.column,
                       printable(finding.message.view()));
  }
  return out;
}

std::string write_records_json(const BuiltModel& built) {
  const Model& model = built.model;
  const Addresses addresses = addresses_of(built);
  JsonWriter json;
  json.begin_object();
  json.key("version").value(1);
  json.key("zones").begin_array();
  for (const Zone& zone : model.zones) {
    json.begin_object();
    json.key("origin").value(model.name(zone.origin));
    if (!zone.label.empty()) json.key("label").value(zone.label);
    json.key("file").value(model.files[zone.file]);
    json.key("whole").value(zone.complete);
    json.key("dynamic").value(zone.dynamic);
    json.key("name_known").value(zone.origin_known);
    json.key("records").begin_array();
    for (const RRsetView& set : rrsets_of(model, zone)) {
      for (const Record* record : set.records) {
        json.begin_object();
        json.key("owner").value(model.name(record->owner));
        if (!record->unknown_ttl()) json.key("ttl").value(record->ttl);
        json.key("class").value(class_text(*record));
        json.key("type").value(type_name(record->type));
        if (record->unknown_value()) {
          json.key("known").value(false);
        } else {
          json.key("data").value(rdata_presentation(model.names, *record));
        }
        const SourceLocation at = record->location;
        json.key("file").value(model.files[at.file]);
        json.key("line").value(at.line);
        json.key("column").value(at.column);
        if (const auto found =
                addresses.find({at.file, at.line, at.column, model.name(record->owner)});
            found != addresses.end()) {
          json.key("address").value(found->second);
        }
        json.end_object();
      }
    }
    json.end_array();
    json.end_object();
  }
  json.end_array();
  json.key("unresolved").begin_array();
  for (const Finding& finding : built.findings) {
    if (finding.rule != rule_id::unresolved_value) continue;
    json.begin_object();
    json.key("file").value(model.files[finding.location.file]);
    json.key("line").value(finding.location.line);
    json.key("column").value(finding.location.column);
    json.key("message").value(finding.message);
    json.end_object();
  }
  json.end_array();
  json.end_object();
  return json.take_document();
}

}  // namespace dnslint
