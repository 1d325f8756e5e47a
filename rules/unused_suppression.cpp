// unused-suppression: with --report-unused-suppressions, a suppression comment that matched no
// finding is reported, so that silenced problems that were fixed do not leave stale comments.
#include "model/reported_rules.hpp"
#include "rules/rule.hpp"

namespace dnslint {

Rule unused_suppression_rule() {
  return {rule_id::unused_suppression,
          "a suppression comment matched no finding (with --report-unused-suppressions)",
          Severity::note,
          "dnslint",
          {},
          nullptr};
}

}  // namespace dnslint
