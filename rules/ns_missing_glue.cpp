// ns-missing-glue: a name server inside the zone needs addresses in the zone. For a delegation
// whose server lies below the delegation itself, those addresses are glue (RFC 1034 §4.2.1):
// without them resolvers cannot reach the child at all. Servers of the apex, and servers at
// other in-zone names, need address records just the same. A server at or below another
// delegation is reached through that delegation (whose own glue is checked there); a server outside
// the zone is someone else's. An alias has no address of its own either, so a server that is a
// CNAME is reported here as well as by ns-target-cname, as BIND and Knot do.
#include <fmt/format.h>

#include "rules/common.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

// Glue must be written out: a wildcard below a zone cut is occluded (RFC 4592 §4.2) and servers
// do not synthesize glue from it. Authoritative names may be answered by a wildcard.
bool has_address(const Model& model, const Zone& zone, NameId host, bool is_glue) {
  const auto records = is_glue ? zone.records_at(host) : find_answer(model, zone, host).records;
  for (std::uint32_t index : records) {
    const RRType type = zone.records[index].type;
    if (type == rrtype::A || type == rrtype::AAAA) return true;
  }
  return false;
}

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  for_each_record(model, rrtype::NS, [&](const Zone& zone, const Record& record) {
    const TargetName& host = std::get<NameData>(record.rdata).target;
    if (!model.names.is_at_or_below(host.name, zone.origin)) return;
    // A server at another delegation's cut, or below it, lives in that child zone.
    const NameId cut = zone.delegation_at_or_above(model.names, host.name);
    if (cut != kNoName && cut != record.owner) return;
    const bool is_glue = cut == record.owner && record.owner != zone.origin;
    // Without the zone's name, "inside the zone" is not known; glue below a cut still is.
    if (!is_glue && !zone.origin_known) return;
    if (has_address(model, zone, host.name, is_glue)) return;
    report_absence(model, reporter, zone, record, zone,
                   is_glue ? fmt::format("delegation {} names server {} below itself, but the "
                                         "zone has no glue A or AAAA record for it",
                                         model.name(record.owner), model.name(host.name))
                           : fmt::format("name server {} is in zone {} but has no A or AAAA "
                                         "record there",
                                         model.name(host.name), model.zone_name(zone)),
                   fmt::format("name server {} has no {}A or AAAA record", model.name(host.name),
                               is_glue ? "glue " : ""));
  });
}

}  // namespace

Rule ns_missing_glue_rule() {
  return {"ns-missing-glue",
          "in-zone NS host without A or AAAA (missing glue)",
          Severity::error,
          "RFC 1034 §4.2.1, RFC 9471",
          {},
          check};
}

}  // namespace dnslint
