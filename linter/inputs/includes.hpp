// $INCLUDE files as a zone file on disk reaches them (RFC 1035 §5.1), confined to the trees a
// run allows: the repository (the path root), the zone file's own folder, and --include-root.
#pragma once

#include <filesystem>
#include <string>
#include <variant>
#include <vector>

#include "formats/zone/zone_reader.hpp"
#include "linter/inputs/files.hpp"
#include "linter/inputs/paths.hpp"

namespace dnslint {

// What a relative $INCLUDE path is relative to (--include-base).
enum class IncludeBase {
  file,  // the directory of the zone file named on the command line
  cwd,   // the current directory, as named reads it from its working directory
};

class FileIncludeLoader : public IncludeLoader {
 public:
  // `zone_file`: the including file's path; `display` gives the path root, which is allowed.
  FileIncludeLoader(std::filesystem::path zone_file,
                    const std::vector<std::filesystem::path>& extra_roots,
                    const PathDisplay& display, const FileView& view,
                    IncludeBase base = IncludeBase::file);
  std::variant<Loaded, std::string> load(std::string_view written_path) override;
  std::string top_identity() override;

 private:
  // Resolves the directories on first use: most zone files include nothing.
  void resolve_roots();

  std::filesystem::path zone_file_;
  std::vector<std::filesystem::path> extra_roots_;
  const PathDisplay& display_;
  const FileView& view_;
  IncludeBase base_;
  bool roots_resolved_ = false;
  std::filesystem::path base_dir_;      // canonical: what confinement compares
  std::filesystem::path lexical_base_;  // as the inputs spell it: what reports show
  std::vector<std::filesystem::path> roots_;
};

// True when `path` lies in `root` (both canonical).
bool is_inside(const std::filesystem::path& path, const std::filesystem::path& root);

}  // namespace dnslint
