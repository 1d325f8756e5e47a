// ds-at-apex: a DS record at the apex of its own zone. DS records belong to the parent zone,
// at the delegation (RFC 4034 §5): the child's copy is never used to validate it, and BIND
// refuses to load a zone that has one.
#include <fmt/format.h>

#include "rules/common.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  for_each_rrset(
      model, rrtype::DS, [&](const Zone& zone, NameId owner, std::span<const std::uint32_t> set) {
        if (owner != zone.origin || !zone.origin_known) return;
        reporter.report(zone, zone.records[set.front()],
                        fmt::format("DS at the apex of {}: a DS belongs in the parent zone, at the "
                                    "delegation; servers refuse to load this zone",
                                    model.name(owner)));
      });
}

}  // namespace

Rule ds_at_apex_rule() {
  return {"ds-at-apex", "DS record at the zone apex", Severity::error, "RFC 4034 §5", {}, check};
}

}  // namespace dnslint
