// unused-suppression: with --report-unused-suppressions, a suppression comment that matched no
// finding is reported, so that silenced problems that were fixed do not leave stale comments.
#include "rules/rule.hpp"

namespace dnslint {

Rule unused_suppression_rule() {
  return {"unused-suppression",
          "a suppression comment matched no finding (with --report-unused-suppressions)",
          Severity::note,
          "dnslint",
          {},
          nullptr};
}

}  // namespace dnslint
