#include "rules/rule.hpp"

#include <algorithm>
#include <stdexcept>

namespace dnslint {

const OptionValue& RuleOptions::get(std::string_view name) const {
  auto it = values_.find(name);
  if (it == values_.end()) throw std::logic_error("rule option not declared: " + std::string(name));
  return it->second;
}

std::int64_t RuleOptions::integer(std::string_view name) const {
  return std::get<std::int64_t>(get(name));
}

bool RuleOptions::boolean(std::string_view name) const { return std::get<bool>(get(name)); }

const std::vector<std::string>& RuleOptions::strings(std::string_view name) const {
  return std::get<std::vector<std::string>>(get(name));
}

Finding& Reporter::report(const Zone& zone, const Record& record, std::string message) {
  Finding& finding = report_zone(zone, record.location, std::move(message));
  finding.owner = remembered(owner_, record.owner, [&] { return model_.name(record.owner); });
  finding.type = remembered(type_, record.type, [&] { return type_name(record.type); });
  return finding;
}

void Reporter::relate(Finding& finding, const SourceLocation& location, std::string_view message) {
  if (related_message_ != message) related_message_ = message;
  finding.related.push_back({location, related_message_});
}

Finding& Reporter::report_zone(const Zone& zone, const SourceLocation& location,
                               std::string message) {
  Finding finding;
  finding.rule = rule_id_;
  finding.severity = severity_;
  finding.message = std::move(message);
  finding.location = location;
  finding.zone = remembered(zone_, zone.origin, [&] { return model_.name(zone.origin); });
  return add(std::move(finding));
}

Finding& Reporter::add(Finding finding) {
  if (chunks_.empty() || chunks_.back().size() == chunks_.back().capacity()) {
    // Chunks grow with the count (few findings take little room) up to a fixed size.
    constexpr std::size_t kSmallest = 16;
    constexpr std::size_t kLargest = 4096;
    chunks_.emplace_back().reserve(std::clamp(count_, kSmallest, kLargest));
  }
  ++count_;
  chunks_.back().push_back(std::move(finding));
  return chunks_.back().back();
}

}  // namespace dnslint
