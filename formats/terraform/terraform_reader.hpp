// Terraform readers: JSON configuration (a module: every *.tf.json of one directory with its
// *.tfvars.json), `terraform show -json` plans, and state files (version 4).
#pragma once

#include <string>
#include <vector>

#include "formats/document_tree.hpp"
#include "formats/read_result.hpp"

namespace dnslint {

struct SourceText {
  std::string display_path;
  std::string content;
  bool context_only = false;  // read for variables, locals and zones; findings not reported
};

// HCL JSON (https://developer.hashicorp.com/terraform/language/syntax/json): blocks as objects
// or arrays of objects at any label level, repeated properties all counting, "//" comments,
// "${...}" templates. var.*, local.* and zone resources of the module are resolved; anything
// else is an unresolved-value.
ReadResult read_terraform_module(const std::vector<SourceText>& sources,
                                 const DocumentLimits& limits = {});

// A plan (planned_values, resource_changes[].change.after with after_unknown) or a state
// file (resources[].instances[].attributes).
ReadResult read_terraform_plan_or_state(const SourceText& source,
                                        const DocumentLimits& limits = {});

// Files paired with a module's configuration: terraform.tfvars.json and *.auto.tfvars.json.
bool is_tfvars_json(std::string_view file_name);

}  // namespace dnslint
