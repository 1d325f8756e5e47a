// Reading a run's inputs: each input (a zone file, a Terraform module, a plan, state or YAML
// document) by its reader, side by side, within the request's limits.
#pragma once

#include <string>
#include <vector>

#include "formats/read_result.hpp"
#include "linter/engine/engine.hpp"
#include "linter/inputs/collect.hpp"

namespace dnslint {

// Reads every input; `forced_origin` is --origin, canonical (or empty). The results come in
// the order of the inputs, Terraform modules first called by another input left out.
std::vector<ReadResult> read_inputs(std::vector<InputFile>& inputs, const LintRequest& request,
                                    const std::string& forced_origin);

}  // namespace dnslint
