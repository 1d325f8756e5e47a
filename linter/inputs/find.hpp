// Finding the files a run considers: the paths named on the command line, and the files below
// the folders among them.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "linter/inputs/files.hpp"
#include "linter/inputs/paths.hpp"

namespace dnslint {

struct FoundFile {
  std::filesystem::path path;  // as the command line or the walk reached it; empty for stdin
  std::string display_path;    // as reports name it (PathDisplay::show)
  bool named = false;          // given on the command line, not found by a walk
  bool is_stdin = false;
};

// A folder or file a walk could not read, with the OS's reason.
struct UnreadablePath {
  std::string display_path;
  std::string reason;
};

struct FindOptions {
  std::string stdin_name{kStdinName};  // --stdin-filename
  // The configuration's exclude globs, asked about display paths.
  std::function<bool(std::string_view)> excluded = [](std::string_view) { return false; };
  // Excludes apply to files named on the command line too (--force-exclude).
  bool force_exclude = false;
};

struct FoundFiles {
  std::vector<FoundFile> files;  // without duplicates; each folder's files sorted by path
  std::vector<UnreadablePath> unreadable;
  std::size_t excluded = 0;  // files the configuration's excludes took out
};

// Expands the paths: "-" is standard input, a file is itself, a folder is walked, skipping
// hidden folders, .terraform and node_modules and not following links to folders. A walk sees
// the overlay's files as `view` does. A named path that does not exist is an InputError.
FoundFiles find_files(const std::vector<std::string>& paths, const FindOptions& options,
                      const FileView& view, const PathDisplay& display);

}  // namespace dnslint
