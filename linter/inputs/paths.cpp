#include "linter/inputs/paths.hpp"

namespace dnslint {
namespace fs = std::filesystem;

fs::path find_path_root(const std::optional<std::string>& path_root, const fs::path& start) {
  std::error_code ec;
  if (path_root) return fs::absolute(*path_root, ec).lexically_normal();
  // A work tree has .git at its top: a directory, or a file in a linked work tree or submodule.
  for (fs::path at = fs::absolute(start, ec).lexically_normal(); !at.empty();
       at = at.parent_path()) {
    if (fs::exists(at / ".git", ec)) return at;
    if (at == at.root_path()) break;
  }
  return fs::current_path(ec);
}

fs::path common_root(const std::vector<std::string>& paths, const std::string& stdin_filename) {
  std::error_code ec;
  const fs::path current = fs::current_path(ec);
  std::optional<fs::path> common;
  for (const std::string& given : paths) {
    fs::path folder;
    if (given == "-") {
      folder = stdin_filename == kStdinName
                   ? current
                   : fs::absolute(stdin_filename, ec).lexically_normal().parent_path();
    } else {
      folder = fs::absolute(given, ec).lexically_normal();
      if (!fs::is_directory(folder, ec)) folder = folder.parent_path();
    }
    if (!folder.empty() && folder != folder.root_path() && folder.filename().empty())
      folder = folder.parent_path();  // "zones/" normalises with a trailing separator
    if (!common) {
      common = folder;
      continue;
    }
    fs::path shared;
    for (auto a = common->begin(), b = folder.begin();
         a != common->end() && b != folder.end() && *a == *b; ++a, ++b)
      shared /= *a;
    common = shared;
  }
  return common && !common->empty() ? *common : current;
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
