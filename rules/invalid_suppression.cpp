// invalid-suppression: a `dnslint-disable` comment that names a rule dnslint does not have
// suppresses nothing; usually a typo that leaves the finding it meant to silence in place, or a
// rule that was renamed. Reported by the engine where the comment is.
#include "model/reported_rules.hpp"
#include "rules/rule.hpp"

namespace dnslint {

Rule invalid_suppression_rule() {
  return {rule_id::invalid_suppression,
          "a suppression comment names an unknown rule",
          Severity::warning,
          "dnslint",
          {},
          nullptr};
}

}  // namespace dnslint
