// What a reader produces from one input (a zone file with its includes, a Terraform module,
// a YAML stream): its own name table, the files it read, zones and reader findings.
#pragma once

#include <string>
#include <vector>

#include "model/finding.hpp"
#include "model/model.hpp"
#include "model/suppression.hpp"

namespace dnslint {

// Where the findings at one record come from beyond the record itself: where its value was
// set (a tfvars file, a variable's default), the module call that made it. Every finding
// reported at `at` about that zone relates these.
struct RecordOrigin {
  SourceLocation at;  // line and column count
  std::string zone;   // canonical name of the record's zone; empty when not known
  std::vector<RelatedLocation> related;
};

// The infrastructure-code object a record comes from ("aws_route53_record.mx"), where it is
// written: for showing what the model holds (dnslint records).
struct RecordSource {
  SourceLocation at;
  std::string owner;  // canonical: instances of one resource block share `at`
  std::string address;
};

struct ReadResult {
  NameTable names;
  std::vector<std::string> files;  // display paths by FileId, local to this result
  std::vector<Zone> zones;
  std::vector<Finding> findings;  // syntax-error, include-error, unresolved-value
  std::vector<Suppression> suppressions;
  std::vector<RecordOrigin> origins;
  std::vector<RecordSource> sources;  // IaC readers: each record set's resource
  // What this input is (a zone file's path, a Terraform module's directory; canonical) and
  // what it read as parts of itself (the files it $INCLUDEs, the child modules it calls): an
  // input that another input of the run reads as its part is not linted again on its own.
  std::string identity;
  std::vector<std::string> parts;
};

}  // namespace dnslint
