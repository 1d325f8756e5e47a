#include "rules/policy.hpp"

#include <fmt/format.h>
#include <re2/re2.h>

#include "model/address.hpp"
#include "rules/mail_records.hpp"

namespace dnslint {
namespace {

RE2::Options pattern_options() {
  RE2::Options options;
  options.set_log_errors(false);
  return options;
}

}  // namespace

Pattern::Pattern(std::string_view text)
    : re_(std::make_shared<const RE2>(re2::StringPiece(text.data(), text.size()),
                                      pattern_options())) {}

bool Pattern::matches_whole(std::string_view text) const {
  return RE2::FullMatch(re2::StringPiece(text.data(), text.size()), *re_);
}

bool Pattern::matches_part(std::string_view text) const {
  return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *re_);
}

std::optional<std::string> pattern_problem(std::string_view text) {
  const RE2 re(re2::StringPiece(text.data(), text.size()), pattern_options());
  if (re.ok()) return std::nullopt;
  return fmt::format("'{}' is not an RE2 pattern: {}", text, re.error());
}

OptionSpec zones_option() {
  OptionSpec spec{"zones", OptionType::string, std::string(),
                  "an RE2 pattern the zone's name (with its trailing dot) must match whole for "
                  "the policy to apply; empty: every zone"};
  spec.check_item = pattern_problem;
  return spec;
}

ZoneScope::ZoneScope(const RuleOptions& options) {
  const std::string& text = options.text("zones");
  if (!text.empty()) pattern_.emplace(text);
}

bool ZoneScope::covers(const Model& model, const Zone& zone) const {
  return !pattern_ || pattern_->matches_whole(model.name(zone.origin));
}

std::string record_value_text(const Model& model, const Record& record) {
  // TXT as its text, joined, as patterns are written; the rest as a zone file writes it.
  if (std::holds_alternative<TxtData>(record.rdata)) return txt_text(record);
  return presentation_text(model.names, record);
}

}  // namespace dnslint
