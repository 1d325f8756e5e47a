// null-mx-preference: RFC 7505 §3 defines the null MX as preference 0 with exchange ".";
// "10 ." is not a null MX to every implementation.
#include <fmt/format.h>

#include "rules/common.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  for_each_mx(model, [&](const Zone& zone, const Record& record, const MxData& mx) {
    if (!is_null_mx(model, mx) || mx.preference() == 0) return;
    OpenFinding& finding = reporter.report(
        zone, record,
        fmt::format("null MX has preference {}; it must be \"0 .\"", mx.preference()));
    // The fix, where the preference and the root stand together as a zone file writes them.
    reporter.focus(finding, fmt::format("{} .", mx.preference()));
    reporter.fix(finding, FixKind::replace_focus, "0 .");
  });
}

}  // namespace

Rule null_mx_preference_rule() {
  return {"null-mx-preference",
          "null MX with a preference other than 0",
          Severity::error,
          "RFC 7505 §3",
          {},
          check};
}

}  // namespace dnslint
