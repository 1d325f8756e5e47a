// How reports name files: relative to one root, the same whatever spelling or working
// directory a run uses, so that SARIF fingerprints, baselines and CI annotations stay stable.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace dnslint {

// The root paths are shown relative to: `path_root` (--path-root) when given, else the top of
// the git work tree holding the current directory, else the current directory. Absolute.
std::filesystem::path find_path_root(const std::optional<std::string>& path_root);

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
