#include "linter/inputs/find.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "linter/inputs/formats.hpp"

namespace dnslint {
namespace fs = std::filesystem;

namespace {

bool is_skipped_directory(const fs::path& dir) {
  const std::string name = dir.filename().string();
  return (name.size() > 1 && name[0] == '.' && name != "..") || name == "node_modules" ||
         name == ".terraform";
}

class Walk {
 public:
  Walk(const FindOptions& options, const FileView& view, const PathDisplay& display,
       FoundFiles& found)
      : options_(options), view_(view), display_(display), found_(found) {}

  // Every file below `directory`, depth first, into `files`.
  void walk(const fs::path& directory, std::vector<FoundFile>& files) {
    std::string problem;
    const std::vector<DirectoryEntry> entries = view_.list(directory, problem);
    if (!problem.empty()) found_.unreadable.push_back({display_.show(directory), problem});
    for (const DirectoryEntry& entry : entries) {
      std::error_code ec;
      if (entry.is_directory) {
        // Links to folders are not followed: they can loop, or lead out of the repository.
        if (!is_skipped_directory(entry.path) && !fs::is_symlink(entry.path, ec))
          walk(entry.path, files);
        continue;
      }
      const std::string name = entry.path.filename().string();
      if (!entry.problem.empty()) {
        // A broken link: only worth a word where it would have been DNS data.
        if (is_candidate_name(name))
          found_.unreadable.push_back({display_.show(entry.path), entry.problem});
        continue;
      }
      // Only what may be DNS data is the walk's: excludes count among those, and nothing else
      // is read.
      if (!entry.is_regular_file || !is_candidate_name(name)) continue;
      std::string shown = display_.show(entry.path);
      if (options_.excluded(shown)) {
        ++found_.excluded;
        continue;
      }
      files.push_back({entry.path, std::move(shown), false, false});
    }
  }

 private:
  const FindOptions& options_;
  const FileView& view_;
  const PathDisplay& display_;
  FoundFiles& found_;
};

}  // namespace

FoundFiles find_files(const std::vector<std::string>& paths, const FindOptions& options,
                      const FileView& view, const PathDisplay& display) {
  FoundFiles found;
  std::set<std::string> seen;
  auto add = [&](FoundFile file) {
    if (seen.insert(file.display_path).second) found.files.push_back(std::move(file));
  };
  Walk walk(options, view, display, found);
  for (const std::string& given : paths) {
    if (given == "-") {
      // A name given with --stdin-filename is where the buffer's file lives: $INCLUDE and
      // Terraform siblings resolve from its folder.
      const bool nameless = options.stdin_name == kStdinName;
      add({nameless ? fs::path() : fs::path(options.stdin_name),
           nameless ? options.stdin_name : display.show(options.stdin_name), true, true});
      continue;
    }
    std::error_code ec;
    const fs::file_status status = fs::status(given, ec);
    if (view.overlaid(given) == nullptr && (ec || !fs::exists(status))) {
      throw InputError(fmt::format("cannot read '{}': {}", given,
                                   ec ? ec.message() : std::string("no such file or directory")));
    }
    if (!fs::is_directory(status)) {
      FoundFile file{given, display.show(given), true, false};
      if (options.force_exclude && options.excluded(file.display_path)) {
        ++found.excluded;
        continue;
      }
      add(std::move(file));
      continue;
    }
    std::vector<FoundFile> files;
    walk.walk(given, files);
    std::sort(files.begin(), files.end(), [](const FoundFile& a, const FoundFile& b) {
      return a.display_path < b.display_path;
    });
    for (auto& file : files) add(std::move(file));
  }
  return found;
}

}  // namespace dnslint
