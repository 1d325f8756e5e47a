#include "linter/inputs.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include "model/ascii.hpp"

namespace dnslint {
namespace fs = std::filesystem;

namespace {

bool is_skipped_directory(const fs::path& dir) {
  const std::string name = dir.filename().string();
  return (name.size() > 1 && name[0] == '.' && name != "..") || name == "node_modules" ||
         name == ".terraform";
}

// True when `path` lies in `root` (both canonical).
bool is_inside(const fs::path& path, const fs::path& root) {
  auto p = path.begin();
  for (auto r = root.begin(); r != root.end(); ++r, ++p) {
    if (r->empty()) continue;  // a trailing separator
    if (p == path.end() || *p != *r) return false;
  }
  return true;
}

}  // namespace

bool is_zone_file_name(std::string_view name) {
  return ends_with_ignoring_case(name, ".zone") || ends_with_ignoring_case(name, ".db") ||
         ends_with_ignoring_case(name, ".arpa") || ends_with_ignoring_case(name, ".arpa.") ||
         (name.size() > 3 && starts_with_ignoring_case(name, "db."));
}

std::vector<InputFile> collect_inputs(const std::vector<std::string>& paths,
                                      const std::string& stdin_name,
                                      const std::function<bool(std::string_view)>& excluded) {
  std::vector<InputFile> files;
  std::set<std::string> seen;
  auto add = [&](InputFile file) {
    if (seen.insert(file.display_path).second) files.push_back(std::move(file));
  };
  for (const std::string& given : paths) {
    if (given == "-") {
      add(InputFile{stdin_name, {}, true});
      continue;
    }
    std::error_code ec;
    const fs::file_status status = fs::status(given, ec);
    if (ec || !fs::exists(status)) {
      throw InputError(fmt::format("cannot read '{}': {}", given,
                                   ec ? ec.message() : std::string("no such file or directory")));
    }
    if (!fs::is_directory(status)) {
      // Terraform and YAML readers do not exist yet; reading such a file as a zone file would
      // only produce nonsense findings.
      for (std::string_view suffix : {".json", ".tfstate", ".yaml", ".yml"}) {
        if (ends_with_ignoring_case(given, suffix)) {
          throw InputError(fmt::format(
              "cannot read '{}': Terraform and YAML inputs are not supported yet (zone files are)",
              given));
        }
      }
      add(InputFile{given, given, false});
      continue;
    }
    std::vector<InputFile> found;
    fs::recursive_directory_iterator it(given, fs::directory_options::skip_permission_denied, ec);
    if (ec) throw InputError(fmt::format("cannot read directory '{}': {}", given, ec.message()));
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) throw InputError(fmt::format("cannot walk '{}': {}", given, ec.message()));
      const fs::directory_entry& entry = *it;
      std::error_code type_ec;
      if (entry.is_directory(type_ec)) {
        if (is_skipped_directory(entry.path())) it.disable_recursion_pending();
        continue;
      }
      if (!entry.is_regular_file(type_ec)) continue;
      if (!is_zone_file_name(entry.path().filename().string())) continue;
      if (excluded(entry.path().string())) continue;
      found.push_back(InputFile{entry.path().string(), entry.path(), false});
    }
    std::sort(found.begin(), found.end(), [](const InputFile& a, const InputFile& b) {
      return a.display_path < b.display_path;
    });
    for (auto& file : found) add(std::move(file));
  }
  return files;
}

std::string read_whole_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw InputError(fmt::format("cannot read '{}': {}", path.string(), std::strerror(errno)));
  std::string content;
  std::error_code ec;
  if (const auto size = fs::file_size(path, ec); !ec) content.reserve(size);
  std::array<char, 1 << 16> chunk;
  while (in.read(chunk.data(), chunk.size()) || in.gcount() > 0) {
    content.append(chunk.data(), static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) throw InputError(fmt::format("cannot read '{}'", path.string()));
  return content;
}

std::string read_stdin() {
  std::ostringstream content;
  content << std::cin.rdbuf();
  return content.str();
}

FileIncludeLoader::FileIncludeLoader(const InputFile& top,
                                     const std::vector<fs::path>& extra_roots) {
  std::error_code ec;
  base_dir_ = fs::canonical(fs::absolute(top.path, ec).parent_path(), ec);
  display_base_ = fs::path(top.display_path).parent_path();
  roots_.push_back(base_dir_);
  for (const auto& root : extra_roots) {
    auto canonical = fs::weakly_canonical(fs::absolute(root, ec), ec);
    if (!ec) roots_.push_back(canonical);
  }
}

std::variant<IncludeLoader::Loaded, std::string> FileIncludeLoader::load(std::string_view written) {
  const fs::path path{std::string(written)};
  const fs::path resolved = path.is_absolute() ? path : base_dir_ / path;
  std::error_code ec;
  const fs::path canonical = fs::canonical(resolved, ec);
  if (ec)
    return std::string(ec == std::errc::no_such_file_or_directory ? "file not found"
                                                                  : ec.message());
  if (std::none_of(roots_.begin(), roots_.end(),
                   [&](const fs::path& root) { return is_inside(canonical, root); })) {
    return fmt::format(
        "the file lies outside the allowed directory {} (--include-root allows more)",
        roots_.front().string());
  }
  if (fs::is_directory(canonical, ec)) return std::string("it is a directory, not a file");
  if (!fs::is_regular_file(canonical, ec)) return std::string("it is not a regular file");
  Loaded loaded;
  loaded.identity = canonical.string();
  loaded.display_path =
      path.is_absolute() ? path.string() : (display_base_ / path).lexically_normal().string();
  try {
    loaded.content = read_whole_file(canonical);
  } catch (const InputError&) {
    return fmt::format("cannot read it: {}", std::strerror(errno));
  }
  return loaded;
}

}  // namespace dnslint
