// What git says of the repository a run lints: which files a change touched, and what they
// held at a revision (for `--against`). git runs as a child process; nothing is written.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace dnslint {

struct GitChanges {
  std::filesystem::path top;  // the work tree's top, absolute
  // Absolute paths of the files that differ between `revision` and the working tree (added,
  // changed, deleted), with what each held at the revision (nullopt: it did not exist there).
  std::map<std::string, std::optional<std::string>> before;
};

// The files of the work tree holding `start` that differ from `revision`, and their texts at
// `revision`. Throws InputError when git is missing, `start` is in no work tree or the
// revision is unknown.
GitChanges git_changes(const std::filesystem::path& start, const std::string& revision);

}  // namespace dnslint
