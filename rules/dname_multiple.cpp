// dname-multiple: a name can be redirected to one place only; RFC 6672 §2.4 forbids more than
// one DNAME at an owner. An exact duplicate is duplicate-record's finding.
#include <fmt/format.h>

#include "rules/common.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  for_each_conflicting_target(
      model, rrtype::DNAME, [&](const Zone& zone, const Record& first, const Record& record) {
        OpenFinding& finding = reporter.report(
            zone, record,
            fmt::format(
                "{} has a second DNAME (the first is at {}); a name can be redirected to one "
                "place only",
                model.name(record.owner), where(model, first.location, record.location)));
        reporter.relate(finding, first.location, "first DNAME here");
      });
}

}  // namespace

Rule dname_multiple_rule() {
  return {"dname-multiple",
          "more than one DNAME at a name",
          Severity::error,
          "RFC 6672 §2.4",
          {},
          check};
}

}  // namespace dnslint
