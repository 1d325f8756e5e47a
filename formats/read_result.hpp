// What a reader produces from one input (a zone file with its includes, a Terraform module,
// a YAML stream): its own name table, the files it read, zones and reader findings.
#pragma once

#include <string>
#include <vector>

#include "model/finding.hpp"
#include "model/model.hpp"
#include "model/suppression.hpp"

namespace dnslint {

struct ReadResult {
  NameTable names;
  std::vector<std::string> files;  // display paths by FileId, local to this result
  std::vector<Zone> zones;
  std::vector<Finding> findings;  // syntax-error, include-error, unresolved-value
  std::vector<Suppression> suppressions;
};

}  // namespace dnslint
