// Terraform configuration as Terraform finds it on disk: a directory is one module (its *.tf
// and *.tf.json files, the tfvars it loads), local `module` sources are directories beside it,
// and --var-file files hold root variable values.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "formats/terraform/terraform_reader.hpp"
#include "linter/inputs/files.hpp"

namespace dnslint {

struct TerraformDirectory {
  std::vector<SourceText> named;  // the files of the directory the run takes, already read
  // False for standard input without --stdin-filename: there is no directory to read around it.
  bool on_disk = false;
  std::filesystem::path directory;  // where they are ("" is the current directory)
  std::string display_directory;    // as report paths show it
};

// The module of one directory: the named files, the other configuration and auto tfvars files
// beside them for context, and the local modules it calls. file() and templatefile() read
// only below `allowed_roots` (the repository, --include-root), as $INCLUDE does.
ReadResult read_terraform_directory(const TerraformDirectory& input, const DocumentLimits& limits,
                                    const FileView& view, const TerraformVariables& variables,
                                    const std::vector<std::filesystem::path>& allowed_roots);

// The --var-file files, read; throws InputError when one cannot be.
std::vector<SourceText> read_variable_files(const std::vector<std::string>& paths,
                                            const FileView& view);

}  // namespace dnslint
