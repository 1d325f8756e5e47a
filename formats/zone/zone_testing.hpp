// Helpers for the zone reader's tests (and its fuzz target): $INCLUDE files from memory, a read
// described as comparable text, and the zone files of the repository's and the shared corpora.
#pragma once

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <variant>
#include <vector>

#include "formats/zone/zone_reader.hpp"

namespace dnslint::testing {

// Runs every task on a thread of its own, as the engine's pool may run them side by side.
inline void on_own_threads(std::size_t count, const Task& task) {
  std::vector<std::jthread> threads;
  for (std::size_t i = 0; i < count; ++i) threads.emplace_back([&task, i] { task(i); });
}

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

// Everything a read produced, as text, so that two reads compare line by line.
inline std::vector<std::string> describe(const ZoneReadResult& read) {
  std::vector<std::string> out;
  for (NameId id = 0; id < read.names.size(); ++id) out.push_back(std::string(read.names.str(id)));
  out.push_back(fmt::format("origin {} files {}", read.zone.origin, fmt::join(read.files, ",")));
  for (const Record& r : read.zone.records) {
    const SourceLocation& l = r.location;
    out.push_back(fmt::format("record {} {} {} {} {} {}:{}:{}-{}:{} {}", r.owner, r.type, r.rclass,
                              r.ttl, r.flags, l.file, l.line, l.column, l.end_line, l.end_column,
                              rdata_key(r)));
  }
  for (const Finding& f : read.findings) {
    const SourceLocation& l = f.location;
    out.push_back(fmt::format("finding {} {}:{}:{}-{}:{} {}", f.rule, l.file, l.line, l.column,
                              l.end_line, l.end_column, f.message));
  }
  for (const Suppression& s : read.suppressions) {
    out.push_back(fmt::format("suppression {}:{} {}-{} {}", s.location.file, s.location.line,
                              s.first_line, s.last_line, fmt::join(s.rules, ",")));
  }
  return out;
}

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
