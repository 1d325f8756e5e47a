// record-forbidden: an organisation policy, "no +all anywhere", "no wildcard CNAME": a record
// matching every field a `records` entry gives (owner: a pattern for the whole owner name;
// type: a record type; value: a pattern for some part of the data as text) is reported with
// the entry's message. Off until `records` is configured.
#include <fmt/format.h>

#include "model/ascii.hpp"
#include "model/rrtype.hpp"
#include "rules/common.hpp"
#include "rules/policy.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

struct Forbidden {
  std::optional<Pattern> owner;
  std::optional<RRType> type;
  std::optional<Pattern> value;
  std::string message;
};

std::optional<std::pair<std::string, std::string>> check_entry(const OptionRecord& entry) {
  for (const auto& [field, text] : entry) {
    if (field == "owner" || field == "value") {
      if (auto problem = pattern_problem(text)) return std::pair{field, *problem};
    } else if (field == "type") {
      if (!type_from_name(text))
        return std::pair{field, fmt::format("'{}' is no record type", text)};
    } else if (field != "message") {
      return std::pair{field,
                       fmt::format("'{}' is not a field (owner, type, value, message)", field)};
    }
  }
  if (!entry.contains("owner") && !entry.contains("type") && !entry.contains("value"))
    return std::pair{std::string(), std::string("an entry needs owner, type or value")};
  return std::nullopt;
}

void check(const Model& model, const RuleOptions& options, Reporter& reporter) {
  std::vector<Forbidden> forbidden;
  for (const OptionRecord& entry : options.records("records")) {
    Forbidden rule;
    if (auto it = entry.find("owner"); it != entry.end()) rule.owner.emplace(it->second);
    if (auto it = entry.find("type"); it != entry.end()) rule.type = type_from_name(it->second);
    if (auto it = entry.find("value"); it != entry.end()) rule.value.emplace(it->second);
    if (auto it = entry.find("message"); it != entry.end()) rule.message = it->second;
    forbidden.push_back(std::move(rule));
  }
  if (forbidden.empty()) return;
  const ZoneScope scope(options);
  for (const Zone& zone : model.zones) {
    if (!scope.covers(model, zone)) continue;
    for (const Record& record : zone.records) {
      if (record.unknown_value()) continue;
      for (const Forbidden& rule : forbidden) {
        if (rule.type && *rule.type != record.type) continue;
        if (rule.owner && !rule.owner->matches_whole(model.name(record.owner))) continue;
        if (rule.value && !rule.value->matches_part(record_value_text(model, record))) continue;
        reporter.report(zone, record,
                        rule.message.empty()
                            ? fmt::format("{} record at {} is forbidden by the organisation's "
                                          "policy (rule option 'records')",
                                          type_name(record.type), model.name(record.owner))
                            : fmt::format("{} record at {}: {}", type_name(record.type),
                                          model.name(record.owner), rule.message));
        break;
      }
    }
  }
}

}  // namespace

Rule record_forbidden_rule() {
  OptionSpec records{"records", OptionType::records, std::vector<OptionRecord>{},
                     "entries {owner: PATTERN, type: TYPE, value: PATTERN, message: TEXT}; a "
                     "record matching every field given is reported with the message"};
  records.check_record = check_entry;
  return {"record-forbidden",        "record the organisation forbids (policy)",
          Severity::error,           "dnslint policy",
          {records, zones_option()}, check};
}

}  // namespace dnslint
