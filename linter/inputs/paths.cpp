#include "linter/inputs/paths.hpp"

namespace dnslint {
namespace fs = std::filesystem;

fs::path find_path_root(const std::optional<std::string>& path_root) {
  std::error_code ec;
  if (path_root) return fs::absolute(*path_root, ec).lexically_normal();
  const fs::path current = fs::current_path(ec);
  // A work tree has .git at its top: a directory, or a file in a linked work tree or submodule.
  for (fs::path at = current; !at.empty(); at = at.parent_path()) {
    if (fs::exists(at / ".git", ec)) return at;
    if (at == at.root_path()) break;
  }
  return current;
}

std::string PathDisplay::show(const fs::path& path) const {
  std::error_code ec;
  const fs::path absolute = fs::absolute(path, ec).lexically_normal();
  const fs::path relative = absolute.lexically_relative(root_);
  if (relative.empty() || *relative.begin() == "..") return absolute.generic_string();
  std::string shown = relative.generic_string();
  // lexically_normal keeps a trailing separator for directories ("zones/").
  if (shown.size() > 1 && shown.back() == '/') shown.pop_back();
  return shown;
}

fs::path PathDisplay::resolve(const std::string& shown) const {
  const fs::path path(shown);
  return path.is_absolute() ? path : (root_ / path).lexically_normal();
}

}  // namespace dnslint
