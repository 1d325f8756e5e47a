#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/location.hpp"

namespace dnslint {

// An inline suppression comment: `dnslint-disable-next-line RULE[,RULE] -- reason`, or a
// `dnslint-disable RULE` ... `dnslint-enable RULE` range.
struct Suppression {
  SourceLocation location;         // the comment
  std::vector<std::string> rules;  // empty: every rule
  std::uint32_t first_line = 0;    // the lines whose findings it suppresses
  std::uint32_t last_line = 0;
  std::string reason;
};

}  // namespace dnslint
