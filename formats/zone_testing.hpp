// Helpers for the zone reader's unit tests: $INCLUDE files from memory, and the zone files of
// the repository's and the shared corpora.
#pragma once

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "formats/zone_reader.hpp"

namespace dnslint::testing {

// Serves $INCLUDE files from memory, so that the reader is tested without a file system.
class MemoryLoader : public IncludeLoader {
 public:
  std::map<std::string, std::string, std::less<>> files;
  std::variant<Loaded, std::string> load(std::string_view path) override {
    auto it = files.find(path);
    if (it == files.end()) return std::string("file not found");
    return Loaded{it->first, std::string(path), it->second};
  }
};

inline std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// The files below `root` that may be zone files (not JSON, YAML, Terraform, notes or fixture
// expectations) and are at most `max_bytes` long, sorted; none when `root` is absent.
inline std::vector<std::filesystem::path> zone_files_under(const std::filesystem::path& root,
                                                           std::uintmax_t max_bytes) {
  namespace fs = std::filesystem;
  std::vector<fs::path> paths;
  std::error_code ec;
  if (!fs::is_directory(root, ec)) return paths;
  for (const auto& entry : fs::recursive_directory_iterator(root, ec)) {
    const std::string name = entry.path().filename().string();
    bool skipped = !entry.is_regular_file(ec) || entry.file_size(ec) > max_bytes;
    for (const char* suffix : {".json", ".yaml", ".yml", ".md", ".txt", ".tf", ".expect"}) {
      skipped = skipped || name.ends_with(suffix);
    }
    if (!skipped) paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

}  // namespace dnslint::testing
