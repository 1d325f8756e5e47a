// target-missing-trailing-dot: in a master file a name without a trailing dot is relative
// (RFC 1035 §5.1), so "mail.example.net" in zone example.com means
// mail.example.net.example.com. Flags targets that were almost certainly meant absolute: the
// name they became exists nowhere in the loaded zones, and the written name ends in a
// top-level domain (of the Public Suffix List) or repeats the zone's own origin. A relative
// name that exists ("mx.de" in a zone holding mx.de) was written as meant.
#include <fmt/format.h>

#include "model/ascii.hpp"
#include "model/lookup.hpp"
#include "model/top_level_domains.hpp"
#include "rules/common.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

// Why the relative target looks meant as absolute; empty if it does not.
std::string suspicion(const Model& model, const TargetName& target) {
  const std::string_view written = written_text(model.names, target);
  if (written.find('.') == std::string_view::npos) return {};
  const std::string_view origin = model.name(target.relative_to);
  if (origin != "." && is_at_or_below(std::string(written) + ".", origin)) {
    return fmt::format("it repeats the origin {}", origin);
  }
  const std::string_view last_label = written.substr(written.find_last_of('.') + 1);
  if (is_top_level_domain(to_ascii_lower(last_label)))
    return fmt::format("it ends in the top-level domain '{}'", last_label);
  return {};
}

// A name strictly between the target and the origin it was made relative to that the loaded
// zones hold ("shop.example.com." for "mx.shop" in example.com): the relative name may well be
// what the author meant, so the dot is only a suggestion. Empty when there is none.
std::string_view existing_parent(const Model& model, const TargetName& target) {
  for (NameId name = model.names.parent(target.name);
       name != target.relative_to && !model.names.is_root(name); name = model.names.parent(name)) {
    const Zone* holder = model.zone_for(name);
    if (holder != nullptr && holder->name_exists(name)) return model.name(name);
  }
  return {};
}

// The fix: the dot after the name as written (found in the record's source as it stands);
// certain unless `uncertain` says why the relative name may be meant.
void add_the_dot(Reporter& reporter, OpenFinding& finding, const Model& model,
                 const TargetName& target, bool uncertain = false) {
  reporter.focus(finding, written_text(model.names, target));
  if (uncertain) {
    reporter.suggest_fix(finding, FixKind::append_to_focus, ".");
  } else {
    reporter.fix(finding, FixKind::append_to_focus, ".");
  }
}

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  for (const Zone& zone : model.zones) {
    for (const Record& record : zone.records) {
      const TargetName* target = target_of(record);
      if (target == nullptr || !target->written_relative()) continue;
      if (is_occluded(model, zone, record.owner, record.type)) continue;
      if (model.names.is_root(target->relative_to)) {
        // Relative to the root, as in a root zone file, a name is what it says. In octoDNS it
        // was read so because the format wants the dot: without `lenient` octoDNS refuses the
        // record, and a provider that writes zone files would append the zone.
        if (zone.is_zone_file) continue;
        OpenFinding& finding = reporter.report(
            zone, record,
            fmt::format("{} target '{}' has no trailing dot: octoDNS refuses it unless the record "
                        "is lenient, and providers that write zone files append the zone to it "
                        "(write '{}.')",
                        type_name(record.type), written_text(model.names, *target),
                        written_text(model.names, *target)));
        add_the_dot(reporter, finding, model, *target);
        continue;
      }
      // The name it became exists, through a wildcard too, or lies in a child zone delegated
      // from the loaded one: it was written as meant.
      if (const Zone* holder = model.zone_for(target->name);
          holder != nullptr &&
          (!find_answer(model, *holder, target->name).records.empty() ||
           holder->delegation_at_or_above(model.names, target->name) != kNoName)) {
        continue;
      }
      const std::string why = suspicion(model, *target);
      if (why.empty()) continue;
      // Repeating the origin is never meant; a relative name under a name the zone holds may be.
      const std::string_view parent =
          why.starts_with("it repeats") ? std::string_view() : existing_parent(model, *target);
      OpenFinding& finding = reporter.report(
          zone, record,
          fmt::format("{} target '{}' has no trailing dot, so it means {}; {} (write "
                      "'{}.' if an absolute name was meant{})",
                      type_name(record.type), written_text(model.names, *target),
                      model.name(target->name), why, written_text(model.names, *target),
                      parent.empty() ? std::string()
                                     : fmt::format("; {} exists, so the relative name may be "
                                                   "meant too",
                                                   parent)));
      add_the_dot(reporter, finding, model, *target, !parent.empty());
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
