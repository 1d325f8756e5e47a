// Reading a run's inputs: each input (a zone file, a Terraform module, a plan, state or YAML
// document) by its reader, side by side, within the request's limits.
#pragma once

#include <string>
#include <vector>

#include "formats/read_result.hpp"
#include "linter/engine/engine.hpp"
#include "linter/inputs/collect.hpp"
#include "linter/inputs/files.hpp"

namespace dnslint {

// Reads every input through `view`; `forced_origin` is --origin, canonical (or empty). The
// results come in the order of the inputs, leaving out an input that another one read as its
// part (a zone file $INCLUDEd by another, a Terraform module another calls).
std::vector<ReadResult> read_inputs(std::vector<InputFile>& inputs, const LintRequest& request,
                                    const FileView& view, const std::string& forced_origin);

// Drops the results of inputs that another result read as a part of itself.
void drop_inputs_read_as_parts(std::vector<ReadResult>& reads);

}  // namespace dnslint
