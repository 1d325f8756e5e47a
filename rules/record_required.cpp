// record-required: an organisation policy, "every domain that receives mail publishes DMARC":
// for every owner that has a record of type `when`, a record of type `type` must exist at
// `name` below it (`{name: _dmarc, type: TXT, when: MX}`; name "@" or absent: the owner itself).
// Off until `records` is configured. Where the files define the zone only in part, the
// finding is a note.
#include <fmt/format.h>

#include "model/ascii.hpp"
#include "model/rrtype.hpp"
#include "rules/common.hpp"
#include "rules/mail_records.hpp"
#include "rules/policy.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

struct Requirement {
  std::string labels;  // "" for the owner itself
  RRType type = 0;
  RRType when = 0;
};

std::optional<std::pair<std::string, std::string>> check_entry(const OptionRecord& entry) {
  for (const auto& [field, text] : entry) {
    if (field == "type" || field == "when") {
      if (!type_from_name(text))
        return std::pair{field, fmt::format("'{}' is no record type", text)};
    } else if (field == "name") {
      if (text.empty() || text.ends_with('.') ||
          std::string_view(text).find("..") != std::string_view::npos)
        return std::pair{field, fmt::format("'{}' is not labels to put before an owner", text)};
    } else {
      return std::pair{field, fmt::format("'{}' is not a field (name, type, when)", field)};
    }
  }
  for (const char* needed : {"type", "when"}) {
    if (!entry.contains(needed))
      return std::pair{std::string(), fmt::format("an entry needs '{}'", needed)};
  }
  return std::nullopt;
}

void check(const Model& model, const RuleOptions& options, Reporter& reporter) {
  std::vector<Requirement> requirements;
  for (const OptionRecord& entry : options.records("records")) {
    Requirement requirement;
    if (auto it = entry.find("name"); it != entry.end() && it->second != "@")
      requirement.labels = to_ascii_lower(it->second);
    requirement.type = *type_from_name(entry.find("type")->second);
    requirement.when = *type_from_name(entry.find("when")->second);
    requirements.push_back(std::move(requirement));
  }
  if (requirements.empty()) return;
  const ZoneScope scope(options);
  for (const Requirement& requirement : requirements) {
    for_each_rrset(model, requirement.when,
                   [&](const Zone& zone, NameId owner, std::span<const std::uint32_t> set) {
                     if (!scope.covers(model, zone)) return;
                     const std::string_view owner_name = model.name(owner);
                     // At the owner itself the zone's own index answers, without a lookup
                     // by name.
                     if (requirement.labels.empty() && !zone.rrset(owner, requirement.type).empty())
                       return;
                     const std::string name =
                         requirement.labels.empty()
                             ? std::string(owner_name)
                             : requirement.labels + "." + std::string(owner_name);
                     const RecordAnswer answer = lookup_records(model, name, requirement.type);
                     if (answer.zone == nullptr || !answer.records.empty()) return;
                     const std::string what = fmt::format(
                         "{} has {} records but {} has no {} record", owner_name,
                         type_name(requirement.when), name, type_name(requirement.type));
                     report_absence(model, reporter, zone, zone.records[set.front()], *answer.zone,
                                    what +
                                        ", which the organisation's policy requires (rule "
                                        "option 'records')",
                                    what);
                   });
  }
}

}  // namespace

Rule record_required_rule() {
  OptionSpec records{"records", OptionType::records, std::vector<OptionRecord>{},
                     "entries {name: LABELS, type: TYPE, when: TYPE}: an owner with a 'when' "
                     "record needs a 'type' record at LABELS.owner (name '@': the owner)"};
  records.check_record = check_entry;
  return {"record-required",
          "record the organisation requires beside another is missing (policy)",
          Severity::warning,
          "dnslint policy",
          {records, zones_option()},
          check};
}

}  // namespace dnslint
