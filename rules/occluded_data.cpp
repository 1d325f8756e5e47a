// occluded-data: below a zone cut the parent zone is not authoritative (RFC 1034 §4.2.1): the
// only data it may hold there is the delegation's NS (and DS) at the cut and glue addresses
// for name servers. Anything else is never served ("occluded") and usually belongs in the
// child zone.
#include <fmt/format.h>

#include <unordered_set>

#include "rules/common.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

bool allowed_at_cut(RRType type) {
  return type == rrtype::NS || type == rrtype::DS || type == rrtype::NSEC || type == rrtype::RRSIG;
}

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  for (const Zone& zone : model.zones) {
    std::unordered_set<NameId> name_servers;
    for (const Record& record : zone.records) {
      if (record.type == rrtype::NS)
        name_servers.insert(std::get<NameData>(record.rdata).target.name);
    }
    for (const Record& record : zone.records) {
      const NameId cut = zone.delegation_at_or_above(model.names, record.owner);
      if (cut == kNoName) continue;
      if (record.owner == cut && allowed_at_cut(record.type)) continue;
      const bool address = record.type == rrtype::A || record.type == rrtype::AAAA;
      if (address && name_servers.contains(record.owner)) continue;  // glue
      reporter.report(zone, record,
                      fmt::format("{} record at {} is {} the delegation {}; the zone is not "
                                  "authoritative there and never serves it",
                                  type_name(record.type), model.name(record.owner),
                                  record.owner == cut ? "at" : "below", model.name(cut)));
    }
  }
}

}  // namespace

Rule occluded_data_rule() {
  return {"occluded-data",
          "non-glue data at or below a zone cut",
          Severity::warning,
          "RFC 1034 §4.2.1",
          {},
          check};
}

}  // namespace dnslint
