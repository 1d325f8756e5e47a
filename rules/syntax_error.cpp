// syntax-error: input that cannot be read, reported by the reader at the exact token; reading
// goes on with the next record so that one typo does not hide the rest of the file.
#include "model/reported_rules.hpp"
#include "rules/rule.hpp"

namespace dnslint {

Rule syntax_error_rule() {
  return {rule_id::syntax_error,
          "input that cannot be read, reported where it is",
          Severity::error,
          "RFC 1035 §5",
          {},
          nullptr};
}

}  // namespace dnslint
