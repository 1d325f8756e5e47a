#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/location.hpp"

namespace dnslint {

// An inline suppression comment: `dnslint-disable-next-line RULE[,RULE] -- reason`, a trailing
// `dnslint-disable-line RULE`, or a `dnslint-disable RULE` ... `dnslint-enable RULE` range.
struct Suppression {
  SourceLocation location;         // the comment
  std::vector<std::string> rules;  // empty: every rule
  std::uint32_t first_line = 0;    // the lines whose findings it suppresses
  std::uint32_t last_line = 0;
  std::string reason;
  // A comment that starts like a directive but is none ("dnslint-disabel"): the word, which
  // invalid-suppression reports; such a comment suppresses nothing.
  std::string unknown_directive;
};

}  // namespace dnslint
