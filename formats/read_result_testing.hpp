// Helpers for the readers' unit tests.
#pragma once

#include <string>
#include <vector>

#include "formats/read_result.hpp"

namespace dnslint::testing {

// The rule of every finding a reader made, in order.
inline std::vector<std::string> rules_of(const ReadResult& result) {
  std::vector<std::string> rules;
  for (const auto& finding : result.findings) rules.emplace_back(finding.rule);
  return rules;
}

}  // namespace dnslint::testing
