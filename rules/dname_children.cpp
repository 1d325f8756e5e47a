// dname-children: a DNAME redirects its whole subtree (RFC 6672 §2.3: "resource records MUST
// NOT exist at any subdomain of the owner of a DNAME RR"); data below it is never served.
// Reported once per DNAME, at the DNAME, with the names below it as related locations; glue
// below a DNAME that shares its name with a delegation counts too, as the RFC says (BIND
// alone tolerates it).
#include <fmt/format.h>

#include <map>

#include "rules/common.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

constexpr std::size_t kRelatedLimit = 10;

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  for (const Zone& zone : model.zones) {
    // DNAME record -> the records below its owner, in source order.
    std::map<const Record*, std::vector<const Record*>> below;
    for (const Record& record : zone.records) {
      // NSEC3 owners are hashes below the apex, not names (RFC 5155 §7.1); their RRSIGs too.
      if (record.type == rrtype::NSEC3 || record.type == rrtype::RRSIG) continue;
      const Record* dname = dname_above(model, zone, record.owner);
      if (dname == nullptr) continue;
      below[dname].push_back(&record);
    }
    for (const auto& [dname, children] : below) {
      OpenFinding& finding = reporter.report(
          zone, *dname,
          fmt::format("{} record{} below the DNAME at {} (first: {} {}); nothing may exist under "
                      "a DNAME",
                      children.size(), children.size() == 1 ? " is" : "s are",
                      model.name(dname->owner), type_name(children.front()->type),
                      model.name(children.front()->owner)));
      for (std::size_t i = 0; i < children.size() && i < kRelatedLimit; ++i) {
        reporter.relate(finding, children[i]->location, "record below the DNAME");
      }
    }
  }
}

}  // namespace

Rule dname_children_rule() {
  return {"dname-children", "data below a DNAME", Severity::error, "RFC 6672 §2.3", {}, check};
}

}  // namespace dnslint
