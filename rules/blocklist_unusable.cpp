// blocklist-unusable: a configured DNS blocklist cannot be used: it fails its RFC 5782 self-test,
// refuses the query or does not answer. A live check: `dnslint verify` reports it (live/), never a
// plain run.
#include "rules/rule.hpp"

namespace dnslint {

Rule blocklist_unusable_rule() {
  return {.id = "blocklist-unusable",
          .summary =
              "a configured DNS blocklist cannot be used: it fails its RFC 5782 self-test, refuses "
              "the query or does not answer",
          .severity = Severity::note,
          .rfc = "RFC 5782 §5",
          .options = {},
          .live = true};
}

}  // namespace dnslint
