// ttl-out-of-range: an organisation policy, "no A record under 300 seconds": each record's TTL
// must lie within the `limits` of its type, or of `default` for the types not named
// (`limits: {A: {min: 300, max: 86400}, default: {min: 60}}`). Off until `limits` is
// configured; TTLs known only after apply are skipped.
#include <fmt/format.h>

#include <charconv>
#include <unordered_map>

#include "model/rrtype.hpp"
#include "rules/common.hpp"
#include "rules/policy.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

struct Limit {
  std::uint32_t min = 0;
  std::uint32_t max = 0x7fffffff;  // RFC 2181 §8
};

std::optional<std::uint32_t> seconds(std::string_view text) {
  std::uint32_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value > 0x7fffffff)
    return std::nullopt;
  return value;
}

std::optional<std::pair<std::string, std::string>> check_entry(const OptionRecord& entry) {
  for (const auto& [field, text] : entry) {
    if (field == "type") {
      if (text != "default" && !type_from_name(text))
        return std::pair{field, fmt::format("'{}' is no record type (or 'default')", text)};
    } else if (field == "min" || field == "max") {
      if (!seconds(text))
        return std::pair{field,
                         fmt::format("{}: '{}' is not seconds from 0 to 2147483647", field, text)};
    } else {
      return std::pair{field, fmt::format("'{}' is not a field (min, max)", field)};
    }
  }
  if (!entry.contains("type"))
    return std::pair{std::string(), std::string("an entry needs a type")};
  if (entry.contains("min") && entry.contains("max") &&
      *seconds(entry.find("min")->second) > *seconds(entry.find("max")->second))
    return std::pair{std::string("max"), std::string("max is below min")};
  return std::nullopt;
}

void check(const Model& model, const RuleOptions& options, Reporter& reporter) {
  std::unordered_map<RRType, Limit> by_type;
  std::optional<Limit> fallback;
  for (const OptionRecord& entry : options.records("limits")) {
    Limit limit;
    if (auto it = entry.find("min"); it != entry.end()) limit.min = *seconds(it->second);
    if (auto it = entry.find("max"); it != entry.end()) limit.max = *seconds(it->second);
    const std::string& type = entry.find("type")->second;
    if (type == "default") {
      fallback = limit;
    } else {
      by_type[*type_from_name(type)] = limit;
    }
  }
  if (by_type.empty() && !fallback) return;
  const ZoneScope scope(options);
  for (const Zone& zone : model.zones) {
    if (!scope.covers(model, zone)) continue;
    for (const Record& record : zone.records) {
      if (record.unknown_ttl()) continue;
      const auto it = by_type.find(record.type);
      const Limit* limit = it != by_type.end() ? &it->second : fallback ? &*fallback : nullptr;
      if (limit == nullptr || (record.ttl >= limit->min && record.ttl <= limit->max)) continue;
      reporter.report(
          zone, record,
          fmt::format("{} record at {} has TTL {}, {} the organisation's {} of {} "
                      "seconds for {} (rule option 'limits')",
                      type_name(record.type), model.name(record.owner), record.ttl,
                      record.ttl < limit->min ? "under" : "over",
                      record.ttl < limit->min ? "minimum" : "maximum",
                      record.ttl < limit->min ? limit->min : limit->max,
                      it != by_type.end() ? type_name(record.type) : std::string("its type")));
    }
  }
}

}  // namespace

Rule ttl_out_of_range_rule() {
  OptionSpec limits{"limits", OptionType::records, std::vector<OptionRecord>{},
                    "per record type, and 'default' for the others: {min: SECONDS, max: "
                    "SECONDS} (`limits: {A: {min: 300}, default: {min: 60, max: 86400}}`)"};
  limits.check_record = check_entry;
  limits.record_key = "type";
  return {"ttl-out-of-range",       "TTL outside the organisation's range for its type (policy)",
          Severity::warning,        "dnslint policy",
          {limits, zones_option()}, check};
}

}  // namespace dnslint
