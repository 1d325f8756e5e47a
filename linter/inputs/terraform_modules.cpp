#include "linter/inputs/terraform_modules.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "linter/inputs/collect.hpp"

namespace dnslint {
namespace fs = std::filesystem;

namespace {

bool is_configuration_name(std::string_view name) {
  return name.ends_with(".tf") || name.ends_with(".tf.json");
}

std::string identity_of(const fs::path& directory) {
  std::error_code ec;
  const fs::path canonical =
      fs::weakly_canonical(fs::absolute(directory.empty() ? fs::path(".") : directory, ec), ec);
  return canonical.string();
}

// Module sources on the file system, resolved against the calling module's directory.
class DiskModules : public ModuleFiles {
 public:
  explicit DiskModules(std::uint64_t max_file_size) : max_file_size_(max_file_size) {}

  std::variant<Directory, std::string> read(std::string_view caller_identity,
                                            std::string_view caller_display,
                                            std::string_view source) override {
    const fs::path written{std::string(source)};
    const std::string display =
        (fs::path(std::string(caller_display)) / written).lexically_normal().string();
    std::error_code ec;
    const fs::path directory = fs::canonical(fs::path(std::string(caller_identity)) / written, ec);
    if (ec) return fmt::format("cannot read the module directory {}: {}", display, ec.message());
    if (!fs::is_directory(directory, ec)) return fmt::format("{} is not a directory", display);
    Directory result{directory.string(), display == "." ? std::string(".") : display, {}};
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(directory, ec)) {
      const std::string name = entry.path().filename().string();
      if (entry.is_regular_file(ec) && is_configuration_name(name)) names.push_back(name);
    }
    std::sort(names.begin(), names.end());
    for (const std::string& name : names) {
      try {
        result.files.push_back({(fs::path(result.display) / name).string(),
                                read_whole_file(directory / name, max_file_size_), false});
      } catch (const InputError& error) {
        return fmt::format("cannot read the module file {}/{}: {}", display, name, error.what());
      }
    }
    return result;
  }

 private:
  std::uint64_t max_file_size_;
};

}  // namespace

ReadResult read_terraform_directory(const TerraformDirectory& input, const DocumentLimits& limits,
                                    std::uint64_t max_file_size,
                                    const TerraformVariables& variables) {
  std::vector<SourceText> sources = input.named;
  TerraformReadOptions options;
  options.limits = limits;
  options.variables = &variables;
  DiskModules modules(max_file_size);
  if (input.on_disk) {
    options.directory = input.display_directory.empty() ? "." : input.display_directory;
    options.identity = identity_of(input.directory);
    options.modules = &modules;
    std::set<std::string> named;
    for (const SourceText& source : input.named) named.insert(source.display_path);
    std::error_code ec;
    std::vector<std::string> siblings;
    const fs::path directory = input.directory.empty() ? fs::path(".") : input.directory;
    for (const auto& entry : fs::directory_iterator(directory, ec)) {
      const std::string name = entry.path().filename().string();
      if (!entry.is_regular_file(ec) || !(is_configuration_name(name) || is_auto_tfvars(name)))
        continue;
      const std::string shown = (fs::path(input.display_directory) / name).string();
      if (!named.contains(shown)) siblings.push_back(name);
    }
    std::sort(siblings.begin(), siblings.end());
    for (const std::string& name : siblings) {
      try {
        sources.push_back({(fs::path(input.display_directory) / name).string(),
                           read_whole_file(directory / name, max_file_size), true});
      } catch (const InputError&) {
        // Context only: a sibling that cannot be read leaves what it declares unknown.
      }
    }
  }
  return read_terraform_module(sources, options);
}

void drop_called_modules(std::vector<ReadResult>& reads) {
  // A module that calls its own directory (a mistake that recurses) is still read as a root.
  std::set<std::string> called;
  for (const ReadResult& read : reads) {
    for (const std::string& directory : read.called_module_directories) {
      if (directory != read.module_directory) called.insert(directory);
    }
  }
  if (called.empty()) return;
  std::erase_if(reads, [&](const ReadResult& read) {
    return !read.module_directory.empty() && called.contains(read.module_directory);
  });
}

std::vector<SourceText> read_variable_files(const std::vector<std::string>& paths,
                                            std::uint64_t max_file_size) {
  std::vector<SourceText> files;
  for (const std::string& path : paths) {
    if (!path.ends_with(".tfvars") && !path.ends_with(".tfvars.json")) {
      throw InputError(
          fmt::format("--var-file '{}': a variable file ends in .tfvars or "
                      ".tfvars.json",
                      path));
    }
    files.push_back({path, read_whole_file(path, max_file_size), false});
  }
  return files;
}

}  // namespace dnslint
