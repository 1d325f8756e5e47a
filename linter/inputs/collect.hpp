// The inputs of a run: the files found (find.hpp), each decided on (formats.hpp), and the
// choices that concern several files at once made (state beside its configuration).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "formats/read_result.hpp"
#include "linter/inputs/files.hpp"
#include "linter/inputs/find.hpp"
#include "linter/inputs/formats.hpp"
#include "linter/inputs/paths.hpp"

namespace dnslint {

struct InputFile {
  std::string display_path;    // as reports name it (PathDisplay::show)
  std::filesystem::path path;  // empty for standard input without --stdin-filename
  bool is_stdin = false;
  InputFormat format = InputFormat::zone;
  std::optional<std::string> content;  // when deciding the format read it whole
  bool from_overlay = false;           // `content` stands for the file (FileView's overlay)
};

// A file not read, and why: named ones are always said, walked ones with --verbose.
struct SkippedFile {
  std::string display_path;
  std::string reason;
  bool named = false;
};

struct CollectedInputs {
  std::vector<InputFile> files;
  std::vector<SkippedFile> skipped;
  // What could not be read at all (an unreadable folder or file, a named file that is not
  // text), each a read-error finding in a result of its own.
  std::vector<ReadResult> problems;
  std::size_t excluded = 0;  // files the configuration's excludes took out
};

struct CollectOptions {
  FindOptions find;
  std::optional<InputFormat> forced;  // --input-format
};

// The files to read and how (docs/usage.md, "Which files are read"): standard input and named
// files by --input-format, else by name and content; walked files by --input-format's usual
// names, else only where name and content agree that they are DNS data. A walk reads a
// Terraform state only where no configuration is beside it.
CollectedInputs collect_inputs(const std::vector<std::string>& paths, const CollectOptions& options,
                               const FileView& view, const PathDisplay& display);

// A read-error finding about `display_path` (at line 1, column 1 unless given).
ReadResult read_error(const std::string& display_path, std::string message, std::uint32_t line = 1,
                      std::uint32_t column = 1);

}  // namespace dnslint
