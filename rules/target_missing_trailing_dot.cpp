// target-missing-trailing-dot: in a master file a name without a trailing dot is relative
// (RFC 1035 §5.1), so "mail.example.net" in zone example.com means
// mail.example.net.example.com. Flags targets that were almost certainly meant absolute: the
// written name ends in a top-level domain, or repeats the zone's own origin.
#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "model/ascii.hpp"
#include "rules/common.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

// Generic top-level domains that appear in mail and name server targets; every two-letter
// label is taken as a country code.
constexpr std::array<std::string_view, 40> kGenericTlds{
    "com",  "net",     "org",     "edu",     "gov",    "mil",  "int",    "arpa",
    "info", "biz",     "name",    "pro",     "aero",   "coop", "museum", "mobi",
    "asia", "tel",     "travel",  "jobs",    "cat",    "xxx",  "post",   "io",
    "dev",  "app",     "cloud",   "online",  "site",   "tech", "email",  "mail",
    "host", "hosting", "systems", "network", "global", "xyz",  "top",    "google"};

bool is_top_level_domain(std::string_view label) {
  const std::string lower = to_ascii_lower(label);
  if (lower.size() == 2 &&
      std::all_of(lower.begin(), lower.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
    return true;
  }
  return std::find(kGenericTlds.begin(), kGenericTlds.end(), lower) != kGenericTlds.end();
}

// Why the relative target looks meant as absolute; empty if it does not.
std::string suspicion(const Model& model, const TargetName& target) {
  const std::string_view written = written_text(model.names, target);
  if (written.find('.') == std::string_view::npos) return {};
  const std::string_view origin = model.name(target.relative_to);
  if (origin != "." && is_at_or_below(std::string(written) + ".", origin)) {
    return fmt::format("it repeats the origin {}", origin);
  }
  const std::string_view last_label = written.substr(written.find_last_of('.') + 1);
  if (is_top_level_domain(last_label))
    return fmt::format("it ends in the top-level domain '{}'", last_label);
  return {};
}

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  for (const Zone& zone : model.zones) {
    for (const Record& record : zone.records) {
      const TargetName* target = target_of(record);
      if (target == nullptr || !target->written_relative()) continue;
      const std::string why = suspicion(model, *target);
      if (why.empty()) continue;
      reporter.report(
          zone, record,
          fmt::format("{} target '{}' has no trailing dot, so it means {}; {} (write "
                      "'{}.' if an absolute name was meant)",
                      type_name(record.type), written_text(model.names, *target),
                      model.name(target->name), why, written_text(model.names, *target)));
    }
  }
}

}  // namespace

Rule target_missing_trailing_dot_rule() {
  return {"target-missing-trailing-dot",
          "a target name meant as absolute lacks its trailing dot and became relative",
          Severity::warning,
          "RFC 1035 §5.1",
          {},
          check};
}

}  // namespace dnslint
