// include-error: a $INCLUDE that cannot be followed (RFC 1035 §5.1). The zone reader reports
// it; the included content is never read: a missing file, a directory, a cycle, too deep a
// chain, or a path that leaves the allowed root (a pull request must not make the linter
// read /etc/passwd).
#include "model/reported_rules.hpp"
#include "rules/rule.hpp"

namespace dnslint {

Rule include_error_rule() {
  return {rule_id::include_error,
          "$INCLUDE file missing, outside the allowed root, or cyclic",
          Severity::error,
          "RFC 1035 §5.1",
          {},
          nullptr};
}

}  // namespace dnslint
