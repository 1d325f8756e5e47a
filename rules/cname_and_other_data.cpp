// cname-and-other-data: a CNAME makes its owner an alias for another name, so nothing else may
// live there (RFC 1034 §3.6.2, RFC 2181 §10.1), except the DNSSEC records that must be there
// (RRSIG and NSEC, RFC 4035 §2.5).
#include <fmt/format.h>

#include "rules/common.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

bool may_sit_beside_cname(RRType type) {
  return type == rrtype::CNAME || type == rrtype::RRSIG || type == rrtype::NSEC;
}

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  for_each_rrset(
      model, rrtype::CNAME,
      [&](const Zone& zone, NameId owner, std::span<const std::uint32_t> set) {
        const Record* other = nullptr;
        for (std::uint32_t index : zone.records_at(owner)) {
          const Record& record = zone.records[index];
          // Records are stored in source order, so the lowest address is the first written.
          if (!may_sit_beside_cname(record.type) && (other == nullptr || &record < other)) {
            other = &record;
          }
        }
        if (other == nullptr) return;
        const Record& cname = zone.records[set.front()];
        OpenFinding& finding = reporter.report(
            zone, cname,
            fmt::format(
                "{} has a CNAME and other data ({} at {}); a CNAME must be alone at its name",
                model.name(owner), type_name(other->type),
                where(model, other->location, cname.location)));
        reporter.relate(finding, other->location,
                        fmt::format("{} defined here", type_name(other->type)));
      });
}

}  // namespace

Rule cname_and_other_data_rule() {
  return {"cname-and-other-data",
          "CNAME beside other data at the same name",
          Severity::error,
          "RFC 1034 §3.6.2, RFC 2181 §10.1",
          {},
          check};
}

}  // namespace dnslint
