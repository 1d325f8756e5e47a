#include "linter/inputs/collect.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include "formats/terraform/terraform_reader.hpp"
#include "formats/yaml/yaml_reader.hpp"
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

namespace {

constexpr std::array<std::string_view, 8> kFormatNames{
    "zone", "tf", "tf-json", "tf-plan", "tf-state", "octodns", "dnsendpoint", "cloudformation"};

}  // namespace

std::optional<InputFormat> input_format_from_name(std::string_view name) {
  for (std::size_t i = 0; i < kFormatNames.size(); ++i) {
    if (kFormatNames[i] == name) return static_cast<InputFormat>(i);
  }
  return std::nullopt;
}

std::string_view input_format_name(InputFormat format) {
  return kFormatNames[static_cast<std::size_t>(format)];
}

namespace {

// A Terraform plan or state by its top-level keys, or a CloudFormation template (CDK writes
// them as JSON).
std::optional<InputFormat> json_format(std::string_view content) {
  const auto has = [&](std::string_view key) {
    return content.find(key) != std::string_view::npos;
  };
  // `terraform show -json` writes plans and states alike, a state with "values".
  if (has("\"format_version\"") &&
      (has("\"planned_values\"") || has("\"resource_changes\"") || has("\"root_module\""))) {
    return InputFormat::tf_plan;
  }
  if (has("\"AWSTemplateFormatVersion\"") || has("\"AWS::Route53::")) {
    return InputFormat::cloudformation;
  }
  if (content.find("\"terraform_version\"") != std::string_view::npos &&
      content.find("\"resources\"") != std::string_view::npos &&
      content.find("\"lineage\"") != std::string_view::npos) {
    return InputFormat::tf_state;
  }
  return std::nullopt;
}

std::optional<InputFormat> yaml_format(std::string_view content, std::string_view path) {
  const auto format = detect_yaml_format(content, path);
  if (!format) return std::nullopt;
  switch (*format) {
    case YamlFormat::octodns:
      return InputFormat::octodns;
    case YamlFormat::dnsendpoint:
      return InputFormat::dnsendpoint;
    case YamlFormat::cloudformation:
      return InputFormat::cloudformation;
  }
  return std::nullopt;
}

bool is_yaml_name(std::string_view name) {
  return ends_with_ignoring_case(name, ".yaml") || ends_with_ignoring_case(name, ".yml");
}

// Reads the file for detection; false when it is too large to read at all.
bool sniff(InputFile& file, std::uint64_t max_size) {
  if (file.content) return true;
  try {
    file.content = read_whole_file(file.path, max_size);
    return true;
  } catch (const TooLarge&) {
    return false;
  }
}

// The format of a file, or nullopt (with the reason in `why`) when it holds nothing dnslint
// reads. `named`: given on the command line, where other text is taken as a zone file.
std::optional<InputFormat> detect_format(InputFile& file, bool named, std::uint64_t max_size,
                                         std::string& why) {
  // A YAML or JSON template ("endpoints.yaml.tpl") is the format it renders to, placeholders
  // and all. (A Terraform template is no part of its module.)
  std::string name = file.path.filename().string();
  for (std::string_view suffix : {".tpl", ".tmpl", ".template", ".j2"}) {
    if (!ends_with_ignoring_case(name, suffix)) continue;
    const std::string rendered = name.substr(0, name.size() - suffix.size());
    if (is_yaml_name(rendered) || ends_with_ignoring_case(rendered, ".json")) name = rendered;
    break;
  }
  if (ends_with_ignoring_case(name, ".tf") || ends_with_ignoring_case(name, ".tfvars"))
    return InputFormat::tf;
  if (ends_with_ignoring_case(name, ".hcl")) {
    why = "HCL that is not Terraform configuration (Terragrunt, Packer, a lock file)";
    return std::nullopt;
  }
  for (std::string_view suffix : {".md", ".js", ".ts", ".py", ".sh", ".go", ".csv", ".tsv"}) {
    if (ends_with_ignoring_case(name, suffix)) {
      why = "not a format dnslint reads";
      return std::nullopt;
    }
  }
  if (ends_with_ignoring_case(name, ".tf.json") || ends_with_ignoring_case(name, ".tfvars.json"))
    return InputFormat::tf_json;
  if (ends_with_ignoring_case(name, ".tfstate")) return InputFormat::tf_state;
  if (ends_with_ignoring_case(name, ".json")) {
    // Too large to look inside: read as a plan, where it is reported.
    if (!sniff(file, max_size)) return InputFormat::tf_plan;
    if (auto format = json_format(*file.content)) return format;
    why =
        "JSON that is neither Terraform configuration (*.tf.json), a plan, state nor a "
        "CloudFormation template";
    return std::nullopt;
  }
  if (is_yaml_name(name)) {
    if (name == ".dnslint.yaml" || name == ".pre-commit-hooks.yaml" ||
        name == ".pre-commit-config.yaml") {
      why = "dnslint's own or pre-commit's configuration";
      return std::nullopt;
    }
    if (!sniff(file, max_size)) return InputFormat::octodns;
    if (auto format = yaml_format(*file.content, file.display_path)) return format;
    why = "YAML that is no octoDNS zone, DNSEndpoint or CloudFormation Route 53 template";
    return std::nullopt;
  }
  if (named || is_zone_file_name(name)) return InputFormat::zone;
  return std::nullopt;
}

// With --input-format, a directory walk takes the files named as that format usually is.
bool has_name_of(std::string_view name, InputFormat format) {
  switch (format) {
    case InputFormat::zone:
      return is_zone_file_name(name);
    case InputFormat::tf:
      return ends_with_ignoring_case(name, ".tf") || ends_with_ignoring_case(name, ".tfvars");
    case InputFormat::tf_json:
      return ends_with_ignoring_case(name, ".tf.json") ||
             ends_with_ignoring_case(name, ".tfvars.json");
    case InputFormat::tf_plan:
      return ends_with_ignoring_case(name, ".json");
    case InputFormat::tf_state:
      return ends_with_ignoring_case(name, ".tfstate");
    case InputFormat::octodns:
    case InputFormat::dnsendpoint:
    case InputFormat::cloudformation:
      return is_yaml_name(name);
  }
  return false;
}

}  // namespace

CollectedInputs collect_inputs(const std::vector<std::string>& paths, const CollectOptions& options,
                               const PathDisplay& display) {
  const std::string& stdin_name = options.stdin_name;
  const std::optional<InputFormat>& forced = options.forced;
  const std::uint64_t max_file_size = options.max_file_size;
  CollectedInputs result;
  std::set<std::string> seen;
  auto add = [&](InputFile file) {
    if (seen.insert(file.display_path).second) result.files.push_back(std::move(file));
  };
  for (const std::string& given : paths) {
    if (given == "-") {
      // A name given with --stdin-filename is where the buffer's file lives: $INCLUDE and
      // Terraform siblings resolve from its folder.
      const fs::path named_path = stdin_name == kStdinName ? fs::path() : fs::path(stdin_name);
      InputFile file{named_path.empty() ? stdin_name : display.show(stdin_name), named_path, true,
                     forced.value_or(InputFormat::zone), read_stdin(max_file_size)};
      if (!forced) {
        // Standard input is read as a file of its --stdin-filename would be (an editor's
        // buffer of main.tf is Terraform, of example.com.yaml an octoDNS zone).
        InputFile named{stdin_name, stdin_name, false, InputFormat::zone, std::move(file.content)};
        std::string why;
        if (auto format = detect_format(named, true, max_file_size, why)) file.format = *format;
        file.content = std::move(named.content);
      }
      add(std::move(file));
      continue;
    }
    std::error_code ec;
    const fs::file_status status = fs::status(given, ec);
    if (ec || !fs::exists(status)) {
      throw InputError(fmt::format("cannot read '{}': {}", given,
                                   ec ? ec.message() : std::string("no such file or directory")));
    }
    if (!fs::is_directory(status)) {
      InputFile file{display.show(given), given, false, InputFormat::zone, std::nullopt};
      if (options.force_exclude && options.excluded(file.display_path)) {
        ++result.excluded;
        continue;
      }
      std::string why;
      if (forced) {
        file.format = *forced;
      } else if (auto format = detect_format(file, true, max_file_size, why)) {
        file.format = *format;
      } else {
        result.skipped.push_back(
            fmt::format("skipped '{}': {} (--input-format reads it anyway)", given, why));
        continue;
      }
      add(std::move(file));
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
      std::string shown = display.show(entry.path());
      if (options.excluded(shown)) {
        ++result.excluded;
        continue;
      }
      InputFile file{std::move(shown), entry.path(), false, InputFormat::zone, std::nullopt};
      std::string why;
      if (forced) {
        if (!has_name_of(entry.path().filename().string(), *forced)) continue;
        file.format = *forced;
      } else if (auto format = detect_format(file, false, max_file_size, why)) {
        file.format = *format;
      } else {
        continue;
      }
      found.push_back(std::move(file));
    }
    std::sort(found.begin(), found.end(), [](const InputFile& a, const InputFile& b) {
      return a.display_path < b.display_path;
    });
    for (auto& file : found) add(std::move(file));
  }
  return result;
}

TooLarge::TooLarge(const std::string& path, std::uint64_t limit)
    : InputError(fmt::format("'{}' is larger than {} bytes (--max-file-size); it was not read",
                             path, limit)) {}

namespace {

// Reads a stream (standard input) to its end, or throws TooLarge past `max_size` bytes.
std::string read_bounded(std::istream& in, const std::string& name, std::uint64_t max_size) {
  std::string content;
  std::array<char, 1 << 16> chunk;
  while (in.read(chunk.data(), chunk.size()) || in.gcount() > 0) {
    content.append(chunk.data(), static_cast<std::size_t>(in.gcount()));
    if (content.size() > max_size) throw TooLarge(name, max_size);
  }
  if (in.bad()) throw InputError(fmt::format("cannot read '{}'", name));
  return content;
}

}  // namespace

std::string read_whole_file(const fs::path& path, std::uint64_t max_size) {
  // open, fstat and read straight into the string: a repository of thousands of small zone
  // files pays for every system call and copy per file.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    throw InputError(fmt::format("cannot read '{}': {}", path.string(), std::strerror(errno)));
  }
  struct FdCloser {
    int fd;
    ~FdCloser() { ::close(fd); }
  } closer{fd};
  struct stat info {};
  const bool sized = ::fstat(fd, &info) == 0 && S_ISREG(info.st_mode);
  if (sized && static_cast<std::uint64_t>(info.st_size) > max_size) {
    throw TooLarge(path.string(), max_size);
  }
  std::string content;
  // The size the file system reports is a hint: FIFOs, devices and growing files only tell by
  // reading, so reading goes on to the end and stops past max_size.
  content.resize(sized ? static_cast<std::size_t>(info.st_size) + 1 : std::size_t{1} << 16);
  std::size_t used = 0;
  while (true) {
    if (used == content.size()) content.resize(content.size() * 2);
    const ssize_t got = ::read(fd, content.data() + used, content.size() - used);
    if (got < 0) {
      if (errno == EINTR) continue;
      throw InputError(fmt::format("cannot read '{}': {}", path.string(), std::strerror(errno)));
    }
    if (got == 0) break;
    used += static_cast<std::size_t>(got);
    if (used > max_size) throw TooLarge(path.string(), max_size);
  }
  content.resize(used);
  return content;
}

std::string read_stdin(std::uint64_t max_size) {
  return read_bounded(std::cin, "standard input", max_size);
}

FileIncludeLoader::FileIncludeLoader(const InputFile& top, const std::vector<fs::path>& extra_roots,
                                     const PathDisplay& display, IncludeBase base,
                                     std::uint64_t max_file_size)
    : top_path_(top.path),
      extra_roots_(extra_roots),
      base_(base),
      display_(display),
      max_file_size_(max_file_size) {}

void FileIncludeLoader::resolve_roots() {
  if (roots_resolved_) return;
  roots_resolved_ = true;
  std::error_code ec;
  const fs::path base =
      base_ == IncludeBase::file ? fs::absolute(top_path_, ec).parent_path() : fs::current_path(ec);
  lexical_base_ = base.lexically_normal();
  base_dir_ = fs::canonical(base, ec);
  roots_.push_back(base_dir_);
  for (const auto& root : extra_roots_) {
    auto canonical = fs::weakly_canonical(fs::absolute(root, ec), ec);
    if (!ec) roots_.push_back(canonical);
  }
}

std::string FileIncludeLoader::top_identity() {
  std::error_code ec;
  return fs::weakly_canonical(fs::absolute(top_path_, ec), ec).string();
}

std::variant<IncludeLoader::Loaded, std::string> FileIncludeLoader::load(std::string_view written) {
  resolve_roots();
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
  // As written (not through the symbolic links `canonical` followed), under the base.
  loaded.display_path = display_.show(path.is_absolute() ? path : lexical_base_ / path);
  try {
    loaded.content = read_whole_file(canonical, max_file_size_);
  } catch (const TooLarge&) {
    return fmt::format("it is larger than {} bytes (--max-file-size)", max_file_size_);
  } catch (const InputError&) {
    return fmt::format("cannot read it: {}", std::strerror(errno));
  }
  return loaded;
}

}  // namespace dnslint
