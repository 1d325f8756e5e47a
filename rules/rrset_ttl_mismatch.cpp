// rrset-ttl-mismatch: all records of an RRset must have one TTL (RFC 2181 §5.2); servers
// answer with the lowest or refuse the zone, so the written TTLs are not what is served.
// RRSIG sets are exempt: their TTL follows the RRset each signature covers (RFC 4034 §3).
#include <fmt/format.h>

#include "rules/common.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  for (const Zone& zone : model.zones) {
    for (const Zone::Node& owner_node : zone.nodes()) {
      const NameId owner = owner_node.owner;
      const auto node = zone.records_of(owner_node);
      for (std::size_t i = 0; i < node.size();) {
        const Record& first = zone.records[node[i]];
        std::size_t j = i + 1;
        const Record* differing = nullptr;
        for (; j < node.size() && zone.records[node[j]].type == first.type; ++j) {
          const Record& record = zone.records[node[j]];
          // A TTL left to the provider's default, or another routing alternative, is no
          // mismatch.
          if (differing == nullptr && record.ttl != first.ttl && record.rclass == first.rclass &&
              record.variant == first.variant && !record.unknown_ttl() && !first.unknown_ttl())
            differing = &record;
        }
        i = j;
        if (differing == nullptr || first.type == rrtype::RRSIG) continue;
        OpenFinding& finding = reporter.report(
            zone, *differing,
            fmt::format("TTL {} differs from TTL {} of the same {} RRset at {} ({}); one RRset has "
                        "one TTL",
                        differing->ttl, first.ttl, type_name(first.type), model.name(owner),
                        where(model, first.location, differing->location)));
        reporter.relate(finding, first.location, fmt::format("TTL {} here", first.ttl));
      }
    }
  }
}

}  // namespace

Rule rrset_ttl_mismatch_rule() {
  return {"rrset-ttl-mismatch",
          "one RRset with different TTLs",
          Severity::warning,
          "RFC 2181 §5.2",
          {},
          check};
}

}  // namespace dnslint
