// cname-multiple: a name is an alias for exactly one other name; a second CNAME with another
// target makes the answer depend on the server (RFC 1034 §3.6.2, RFC 2181 §10.1).
#include <fmt/format.h>

#include "rules/common.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  for_each_conflicting_target(
      model, rrtype::CNAME, [&](const Zone& zone, const Record& first, const Record& record) {
        OpenFinding& finding = reporter.report(
            zone, record,
            fmt::format(
                "{} has a second CNAME (to {}; the first, at {}, points to {}); a name can be "
                "an alias for only one name",
                model.name(record.owner), model.name(std::get<NameData>(record.rdata).target.name),
                where(model, first.location, record.location),
                model.name(std::get<NameData>(first.rdata).target.name)));
        reporter.relate(finding, first.location, "first CNAME here");
      });
}

}  // namespace

Rule cname_multiple_rule() {
  return {"cname-multiple",
          "more than one CNAME at a name",
          Severity::error,
          "RFC 1034 §3.6.2, RFC 2181 §10.1",
          {},
          check};
}

}  // namespace dnslint
