// cname-chain: a CNAME whose target is itself an alias makes every lookup take one more round
// trip, and some resolvers stop following long chains (RFC 1034 §5.2.2 asks for aliases that
// point straight at the canonical name). Loops are cname-loop's finding.
#include <fmt/format.h>

#include "rules/common.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  for_each_record(model, rrtype::CNAME, [&](const Zone& zone, const Record& record) {
    const NameId target = std::get<NameData>(record.rdata).target.name;
    if (resolve(model, record.owner, &zone).loop) return;
    const Record* next = alias_record(model, target, &zone);
    if (next == nullptr) return;
    OpenFinding& finding = reporter.report(
        zone, record,
        fmt::format("CNAME target {} is itself an alias ({}); point {} at the canonical name",
                    model.name(target), describe_alias(model, *next), model.name(record.owner)));
    reporter.relate(finding, next->location, fmt::format("{} defined here", type_name(next->type)));
  });
}

}  // namespace

Rule cname_chain_rule() {
  return {"cname-chain",
          "a CNAME whose target is itself an alias",
          Severity::warning,
          "RFC 1034 §5.2.2",
          {},
          check};
}

}  // namespace dnslint
