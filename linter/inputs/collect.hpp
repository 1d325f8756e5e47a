// Finding the files to lint and reading them: the I/O side of the readers.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "formats/zone/zone_reader.hpp"
#include "linter/inputs/paths.hpp"

namespace dnslint {

// A problem with the inputs that stops the run (exit status 2).
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

enum class InputFormat {
  zone,
  tf,  // Terraform's native syntax: *.tf, *.tfvars
  tf_json,
  tf_plan,
  tf_state,
  octodns,
  dnsendpoint,
  cloudformation,
};

// Terraform configuration in either syntax: read a directory (one module) at a time.
inline bool is_terraform_configuration(InputFormat format) {
  return format == InputFormat::tf || format == InputFormat::tf_json;
}

// The --input-format names, in the order of InputFormat.
std::optional<InputFormat> input_format_from_name(std::string_view name);
std::string_view input_format_name(InputFormat format);

// Content longer than the --max-file-size limit (not read, so a huge file cannot exhaust
// memory).
class TooLarge : public InputError {
 public:
  TooLarge(const std::string& path, std::uint64_t limit);
};

inline constexpr std::uint64_t kDefaultMaxFileSize = std::uint64_t{1} << 30;

// How reports name standard input without --stdin-filename.
inline constexpr std::string_view kStdinName = "<stdin>";

struct InputFile {
  std::string display_path;    // as reports name it (PathDisplay::show)
  std::filesystem::path path;  // empty for standard input
  bool is_stdin = false;
  InputFormat format = InputFormat::zone;
  std::optional<std::string> content;  // when detecting the format needed it
  bool from_buffer = false;            // `content` is an editor's text of the file (LintRequest)
};

struct CollectedInputs {
  std::vector<InputFile> files;
  // Files named on the command line that hold no DNS data dnslint reads, with the reason.
  std::vector<std::string> skipped;
  // Files the configuration's exclude globs took out.
  std::size_t excluded = 0;
};

struct CollectOptions {
  std::string stdin_name{kStdinName};  // --stdin-filename
  // The configuration's exclude globs, asked about display paths.
  std::function<bool(std::string_view)> excluded = [](std::string_view) { return false; };
  // Excludes apply to files named on the command line too (--force-exclude), not only to the
  // files directory walks find.
  bool force_exclude = false;
  std::optional<InputFormat> forced;  // --input-format
  std::uint64_t max_file_size = kDefaultMaxFileSize;
};

// Expands files and directories into the files to lint, sorted, without duplicates, each with
// its format: `forced` (--input-format), else by name and content (docs/usage.md). Directories are
// walked for zone files (*.zone, *.db, db.*, *.arpa), Terraform (*.tf, *.tfvars and their JSON
// forms), plans and state, CloudFormation JSON and YAML that holds DNS data, skipping hidden
// folders, .terraform and node_modules. "-" is standard input.
CollectedInputs collect_inputs(const std::vector<std::string>& paths, const CollectOptions& options,
                               const PathDisplay& display);

// True for the names a directory walk takes as zone files.
bool is_zone_file_name(std::string_view file_name);

// Both throw InputError, and TooLarge past `max_size` bytes.
std::string read_whole_file(const std::filesystem::path& path,
                            std::uint64_t max_size = kDefaultMaxFileSize);
std::string read_stdin(std::uint64_t max_size = kDefaultMaxFileSize);

// What a relative $INCLUDE path is relative to (--include-base).
enum class IncludeBase {
  file,  // the directory of the zone file named on the command line
  cwd,   // the current directory, as named reads it from its working directory
};

// Resolves $INCLUDE paths against the base directory and refuses anything outside the allowed
// roots: the base directory's tree and `extra_roots`.
class FileIncludeLoader : public IncludeLoader {
 public:
  FileIncludeLoader(const InputFile& top, const std::vector<std::filesystem::path>& extra_roots,
                    const PathDisplay& display, IncludeBase base = IncludeBase::file,
                    std::uint64_t max_file_size = kDefaultMaxFileSize);
  std::variant<Loaded, std::string> load(std::string_view written_path) override;
  std::string top_identity() override;

 private:
  // Resolves the directories on first use: most zone files include nothing.
  void resolve_roots();

  std::filesystem::path top_path_;
  std::vector<std::filesystem::path> extra_roots_;
  IncludeBase base_;
  const PathDisplay& display_;
  bool roots_resolved_ = false;
  std::filesystem::path base_dir_;      // canonical: what confinement compares
  std::filesystem::path lexical_base_;  // as the inputs spell it: what reports show
  std::vector<std::filesystem::path> roots_;
  std::uint64_t max_file_size_;
};

}  // namespace dnslint
