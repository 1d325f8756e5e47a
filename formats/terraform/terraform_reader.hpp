// Terraform readers: configuration (a module: the *.tf and *.tf.json files of one directory,
// with the tfvars Terraform loads and the local modules it calls), `terraform show -json`
// plans, and state files (version 4).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "formats/document_tree.hpp"
#include "formats/read_result.hpp"

namespace dnslint {

struct SourceText {
  std::string display_path;
  std::string content;
  bool context_only = false;  // read for variables, locals and zones; findings not reported
  // Terraform configuration: HCL's JSON profile or native syntax; nullopt: by the file name
  // (*.json is JSON).
  std::optional<bool> json = std::nullopt;
};

// The files of local module directories, which only the caller can read (readers do no I/O).
class ModuleFiles {
 public:
  struct Directory {
    std::string identity;           // tells one directory from another however its path was written
    std::string display;            // how paths of its files show it
    std::vector<SourceText> files;  // its *.tf and *.tf.json
  };
  virtual ~ModuleFiles() = default;
  // The directory `source` names (as a `module` block writes it, "./modules/mail") relative to
  // the calling module's directory; why not when it cannot be read.
  virtual std::variant<Directory, std::string> read(std::string_view caller_identity,
                                                    std::string_view caller_display,
                                                    std::string_view source) = 0;
  // The text of a file that file() or templatefile() reads, by its absolute path; nullopt with
  // `why` when it cannot be read or lies where the run may not read.
  virtual std::optional<std::string> read_file(const std::string& path, std::string& why) = 0;
};

// Input variable values set on the command line (as tflint takes them), for root modules.
struct TerraformVariables {
  std::vector<SourceText> files;                            // --var-file, in order
  std::vector<std::pair<std::string, std::string>> values;  // --var NAME=VALUE, in order
};

struct TerraformReadOptions {
  DocumentLimits limits;
  std::string directory;  // the module's directory, as paths show it ("" for standard input)
  std::string identity;   // and as ModuleFiles knows it
  ModuleFiles* modules = nullptr;  // nullptr: local module calls are not followed
  const TerraformVariables* variables = nullptr;
};

// A Terraform module: *.tf and *.tf.json files (native syntax and HCL JSON, one module), the
// terraform.tfvars and *.auto.tfvars files Terraform loads with them (other *.tfvars files are
// read for their syntax only), evaluated as far as values are known before apply: variables,
// locals, references between resources, count and for_each, dynamic blocks, functions and
// local module calls. Anything else is an unresolved-value.
ReadResult read_terraform_module(const std::vector<SourceText>& sources,
                                 const TerraformReadOptions& options = {});

// A plan (planned_values, resource_changes[].change.after with after_unknown) or a state
// file (resources[].instances[].attributes).
ReadResult read_terraform_plan_or_state(const SourceText& source,
                                        const DocumentLimits& limits = {});

// Files Terraform loads with a root module's configuration: terraform.tfvars(.json) and
// *.auto.tfvars(.json).
bool is_auto_tfvars(std::string_view file_name);

}  // namespace dnslint
