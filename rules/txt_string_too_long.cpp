// txt-string-too-long: a TXT character-string holds at most 255 octets (RFC 1035 §3.3); a
// longer one cannot be written in the wire format, so name servers refuse the zone and Route 53
// refuses the change. It is how pasted DKIM keys and long SPF records usually break. The readers
// report it where they meet it: zone files, and provider values the provider will not split.
#include "model/reported_rules.hpp"
#include "rules/rule.hpp"

namespace dnslint {

Rule txt_string_too_long_rule() {
  return {rule_id::txt_string_too_long,
          "TXT character-string over 255 octets",
          Severity::error,
          "RFC 1035 §3.3",
          {},
          nullptr};
}

}  // namespace dnslint
