#include "linter/inputs/terraform_modules.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "linter/inputs/includes.hpp"

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

// The configuration files of a module directory, sorted by name.
std::vector<std::string> configuration_files(const FileView& view, const fs::path& directory,
                                             bool with_auto_tfvars) {
  std::string problem;
  std::vector<std::string> names;
  for (const DirectoryEntry& entry : view.list(directory, problem)) {
    const std::string name = entry.path.filename().string();
    if (entry.is_regular_file &&
        (is_configuration_name(name) || (with_auto_tfvars && is_auto_tfvars(name))))
      names.push_back(name);
  }
  return names;
}

// Module sources on the file system, resolved against the calling module's directory.
class DiskModules : public ModuleFiles {
 public:
  DiskModules(const FileView& view, const std::vector<fs::path>& allowed_roots)
      : view_(view), allowed_roots_(allowed_roots) {}

  std::optional<std::string> read_file(const std::string& path, std::string& why) override {
    std::error_code ec;
    const bool overlaid = view_.overlaid(path) != nullptr;
    const fs::path canonical = overlaid ? fs::path(path) : fs::canonical(path, ec);
    if (ec) {
      why =
          fmt::format("{}: {}", path,
                      ec == std::errc::no_such_file_or_directory ? "file not found" : ec.message());
      return std::nullopt;
    }
    const bool allowed = std::any_of(
        allowed_roots_.begin(), allowed_roots_.end(),
        [&](const fs::path& root) { return is_inside(canonical, fs::weakly_canonical(root, ec)); });
    if (!allowed) {
      why = fmt::format("{} lies outside the repository (--include-root allows more)", path);
      return std::nullopt;
    }
    try {
      return view_.read(canonical);
    } catch (const InputError& error) {
      why = error.what();
      return std::nullopt;
    }
  }

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
    for (const std::string& name : configuration_files(view_, directory, false)) {
      try {
        result.files.push_back(
            {(fs::path(result.display) / name).string(), view_.read(directory / name), false});
      } catch (const InputError& error) {
        return fmt::format("cannot read the module file {}/{}: {}", display, name, error.what());
      }
    }
    return result;
  }

 private:
  const FileView& view_;
  const std::vector<fs::path>& allowed_roots_;
};

}  // namespace

ReadResult read_terraform_directory(const TerraformDirectory& input, const DocumentLimits& limits,
                                    const FileView& view, const TerraformVariables& variables,
                                    const std::vector<fs::path>& allowed_roots) {
  std::vector<SourceText> sources = input.named;
  TerraformReadOptions options;
  options.limits = limits;
  options.variables = &variables;
  // The module's own folder is allowed too, as a zone file's is for $INCLUDE.
  std::vector<fs::path> roots = allowed_roots;
  roots.push_back(input.directory.empty() ? fs::path(".") : input.directory);
  DiskModules modules(view, roots);
  if (input.on_disk) {
    options.directory = input.display_directory.empty() ? "." : input.display_directory;
    options.identity = identity_of(input.directory);
    options.modules = &modules;
    std::set<std::string> named;
    for (const SourceText& source : input.named) named.insert(source.display_path);
    for (const std::string& name : configuration_files(view, input.directory, true)) {
      const std::string shown = (fs::path(input.display_directory) / name).string();
      if (named.contains(shown)) continue;
      try {
        sources.push_back({shown, view.read(input.directory / name), true});
      } catch (const InputError&) {
        // Context only: a sibling that cannot be read leaves what it declares unknown.
      }
    }
  }
  return read_terraform_module(sources, options);
}

std::vector<SourceText> read_variable_files(const std::vector<std::string>& paths,
                                            const FileView& view) {
  std::vector<SourceText> files;
  for (const std::string& path : paths) {
    if (!path.ends_with(".tfvars") && !path.ends_with(".tfvars.json")) {
      throw InputError(
          fmt::format("--var-file '{}': a variable file ends in .tfvars or .tfvars.json", path));
    }
    files.push_back({path, view.read(path), false});
  }
  return files;
}

}  // namespace dnslint
