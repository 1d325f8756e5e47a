// How reports name files: relative to one root, the same whatever spelling or working
// directory a run uses, so that SARIF fingerprints, baselines and CI annotations stay stable.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace dnslint {

// How reports name standard input without --stdin-filename.
inline constexpr std::string_view kStdinName = "<stdin>";

// The root paths are shown relative to: `path_root` (--path-root) when given, else the top of
// the git work tree holding `start` (the linted paths' common root), else the current
// directory. Absolute.
std::filesystem::path find_path_root(
    const std::optional<std::string>& path_root,
    const std::filesystem::path& start = std::filesystem::current_path());

// The folder the linted paths have in common (a file's own folder; for standard input "-" the
// folder of `stdin_filename` when it is not kStdinName, else the current one): where the
// configuration and the repository are looked for. Absolute.
std::filesystem::path common_root(const std::vector<std::string>& paths,
                                  const std::string& stdin_filename);

class PathDisplay {
 public:
  explicit PathDisplay(std::filesystem::path root) : root_(std::move(root)) {}

  // `path` (relative to the current directory, or absolute) as reports show it: relative to
  // the root without "./" ("zones/example.com.zone"), "." for the root itself, or absolute
  // when it lies outside the root.
  std::string show(const std::filesystem::path& path) const;
  // A shown path as a path the file system takes (absolute).
  std::filesystem::path resolve(const std::string& shown) const;

  const std::filesystem::path& root() const { return root_; }

 private:
  std::filesystem::path root_;
};

}  // namespace dnslint
