#include "linter/inputs/includes.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace dnslint {
namespace fs = std::filesystem;

bool is_inside(const fs::path& path, const fs::path& root) {
  auto p = path.begin();
  for (auto r = root.begin(); r != root.end(); ++r, ++p) {
    if (r->empty()) continue;  // a trailing separator
    if (p == path.end() || *p != *r) return false;
  }
  return true;
}

FileIncludeLoader::FileIncludeLoader(fs::path zone_file, const std::vector<fs::path>& extra_roots,
                                     const PathDisplay& display, const FileView& view,
                                     IncludeBase base)
    : zone_file_(std::move(zone_file)),
      extra_roots_(extra_roots),
      display_(display),
      view_(view),
      base_(base) {}

void FileIncludeLoader::resolve_roots() {
  if (roots_resolved_) return;
  roots_resolved_ = true;
  std::error_code ec;
  const fs::path base = base_ == IncludeBase::file ? fs::absolute(zone_file_, ec).parent_path()
                                                   : fs::current_path(ec);
  lexical_base_ = base.lexically_normal();
  base_dir_ = fs::weakly_canonical(base, ec);
  // The repository first: the tree a refusal names.
  roots_.push_back(fs::weakly_canonical(display_.root(), ec));
  roots_.push_back(base_dir_);
  for (const auto& root : extra_roots_) {
    auto canonical = fs::weakly_canonical(fs::absolute(root, ec), ec);
    if (!ec) roots_.push_back(canonical);
  }
}

std::string FileIncludeLoader::top_identity() {
  std::error_code ec;
  return fs::weakly_canonical(fs::absolute(zone_file_, ec), ec).string();
}

std::variant<IncludeLoader::Loaded, std::string> FileIncludeLoader::load(std::string_view written) {
  resolve_roots();
  const fs::path path{std::string(written)};
  const fs::path resolved = path.is_absolute() ? path : base_dir_ / path;
  std::error_code ec;
  // A file the overlay adds is not on disk: its lexical path is its identity.
  const bool overlaid = view_.overlaid(resolved) != nullptr;
  const fs::path canonical = overlaid ? resolved.lexically_normal() : fs::canonical(resolved, ec);
  if (ec)
    return std::string(ec == std::errc::no_such_file_or_directory ? "file not found"
                                                                  : ec.message());
  if (std::none_of(roots_.begin(), roots_.end(),
                   [&](const fs::path& root) { return is_inside(canonical, root); })) {
    const bool in_repository = is_inside(base_dir_, roots_.front());
    return fmt::format("the file lies outside {} {} (--include-root allows more)",
                       in_repository ? "the repository" : "the folder",
                       (in_repository ? roots_.front() : base_dir_).string());
  }
  if (!overlaid) {
    if (fs::is_directory(canonical, ec)) return std::string("it is a directory, not a file");
    if (!fs::is_regular_file(canonical, ec)) return std::string("it is not a regular file");
  }
  Loaded loaded;
  loaded.identity = canonical.string();
  // As written (not through the symbolic links `canonical` followed), under the base.
  loaded.display_path = display_.show(path.is_absolute() ? path : lexical_base_ / path);
  try {
    loaded.content = view_.read(overlaid ? resolved : canonical);
  } catch (const TooLarge&) {
    return fmt::format("it is larger than {} bytes (--max-file-size)", view_.max_file_size());
  } catch (const InputError& error) {
    const std::string_view what = error.what();
    const auto colon = what.rfind(": ");
    return fmt::format("cannot read it: {}",
                       colon == std::string_view::npos ? what : what.substr(colon + 2));
  }
  return loaded;
}

}  // namespace dnslint
