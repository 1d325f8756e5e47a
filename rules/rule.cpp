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

const std::string& RuleOptions::text(std::string_view name) const {
  return std::get<std::string>(get(name));
}

const std::vector<OptionRecord>& RuleOptions::records(std::string_view name) const {
  return std::get<std::vector<OptionRecord>>(get(name));
}

OpenFinding& Reporter::report(const Zone& zone, const Record& record, std::string message) {
  OpenFinding& finding = report_zone(zone, record.location, std::move(message));
  finding.owner = model_.name(record.owner);
  finding.type = type_name(record.type);
  return finding;
}

OpenFinding& Reporter::report_unconfirmed(const Zone& zone, const Record& record,
                                          std::string message) {
  OpenFinding& finding = report(zone, record, std::move(message));
  finding.unconfirmed = true;
  return finding;
}

OpenFinding& Reporter::report_zone(const Zone& zone, const SourceLocation& location,
                                   std::string message) {
  close();
  is_open_ = true;
  open_.unconfirmed = false;
  open_.milder = false;
  open_.focus.clear();
  open_.fix = FixKind::none;
  open_.fix_is_suggestion = false;
  open_.fix_text.clear();
  open_.location = location;
  open_.message = std::move(message);
  open_.zone = model_.name(zone.origin);
  open_.owner = {};
  open_.type.clear();
  open_.related.clear();
  open_.related_text.clear();
  return open_;
}

void Reporter::relate(OpenFinding& finding, const SourceLocation& location,
                      std::string_view message) {
  finding.related.push_back({location, finding.related_text.size(), message.size()});
  finding.related_text.append(message);
}

void Reporter::close() {
  if (!is_open_) return;
  is_open_ = false;
  related_views_.clear();
  for (const OpenFinding::Related& related : open_.related) {
    related_views_.push_back(
        {related.location,
         std::string_view(open_.related_text).substr(related.begin, related.size)});
  }
  log_.append(rule_id_, open_.location, open_.message, open_.zone, open_.owner, open_.type,
              related_views_,
              {open_.unconfirmed, open_.milder, open_.focus, open_.fix, open_.fix_is_suggestion,
               open_.fix_text});
}

FindingLog Reporter::take() {
  close();
  return std::move(log_);
}

}  // namespace dnslint
