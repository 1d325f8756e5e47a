#include "linter/inputs/collect.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "model/reported_rules.hpp"

namespace dnslint {
namespace fs = std::filesystem;

namespace {

// What classify() may ask of a file's content, read once: the head from disk, the whole text
// kept for its reader.
class Probe {
 public:
  Probe(InputFile& file, const FileView& view) : file_(file), view_(view) {}

  ContentProbe probe() {
    return {[this] { return head(); }, [this]() -> std::string_view { return whole(); }};
  }

 private:
  static constexpr std::size_t kHeadBytes = 64 * 1024;

  std::string_view head() {
    if (file_.content) return *file_.content;
    if (!head_) head_ = read_head();
    return *head_;
  }
  const std::string& whole() {
    if (!file_.content)
      file_.content = file_.is_stdin ? read_stdin(view_.max_file_size()) : view_.read(file_.path);
    return *file_.content;
  }
  // The first bytes of a file on disk; the whole text of a small or overlaid one, kept.
  std::string read_head() {
    if (view_.overlaid(file_.path) != nullptr) return whole();
    std::error_code ec;
    const auto size = fs::file_size(file_.path, ec);
    if (ec || size <= kHeadBytes) return whole();
    std::string head(kHeadBytes, '\0');
    std::FILE* in = std::fopen(file_.path.c_str(), "rb");
    if (in == nullptr) return whole();  // which says why
    head.resize(std::fread(head.data(), 1, head.size(), in));
    std::fclose(in);
    return head;
  }

  InputFile& file_;
  const FileView& view_;
  std::optional<std::string> head_;
};

// The line and column of byte `offset` of `text` (1-based).
std::pair<std::uint32_t, std::uint32_t> position_of(std::string_view text, std::size_t offset) {
  std::uint32_t line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  return {line, static_cast<std::uint32_t>(offset - line_start + 1)};
}

// A walk reads a Terraform state only where no configuration of the same root module is
// read: the two describe the same resources, and every record would count twice.
void skip_state_beside_configuration(CollectedInputs& collected,
                                     const std::set<std::string>& named) {
  std::set<fs::path> configured;
  for (const InputFile& file : collected.files) {
    if (is_terraform_configuration(file.format)) configured.insert(file.path.parent_path());
  }
  std::erase_if(collected.files, [&](const InputFile& file) {
    if (file.format != InputFormat::tf_state || named.contains(file.display_path) ||
        !configured.contains(file.path.parent_path())) {
      return false;
    }
    collected.skipped.push_back(
        {file.display_path,
         "the state of the Terraform configuration beside it, which is read instead (name the "
         "state to read it)",
         false});
    return true;
  });
}

}  // namespace

ReadResult read_error(const std::string& display_path, std::string message, std::uint32_t line,
                      std::uint32_t column) {
  ReadResult result;
  result.files.push_back(display_path);
  Finding finding;
  finding.rule = rule_id::read_error;
  finding.location = SourceLocation{0, line, column, line, column};
  finding.message = std::move(message);
  result.findings.push_back(std::move(finding));
  return result;
}

CollectedInputs collect_inputs(const std::vector<std::string>& paths, const CollectOptions& options,
                               const FileView& view, const PathDisplay& display) {
  FoundFiles found = find_files(paths, options.find, view, display);
  CollectedInputs collected;
  collected.excluded = found.excluded;
  for (const UnreadablePath& path : found.unreadable) {
    collected.problems.push_back(read_error(
        path.display_path, fmt::format("cannot read '{}': {}", path.display_path, path.reason)));
  }
  std::set<std::string> named;
  for (FoundFile& found_file : found.files) {
    if (found_file.named) named.insert(found_file.display_path);
    InputFile file{found_file.display_path,
                   found_file.path,
                   found_file.is_stdin,
                   InputFormat::zone,
                   std::nullopt,
                   found_file.is_stdin || view.overlaid(found_file.path) != nullptr};
    const std::string name =
        found_file.path.empty() ? found_file.display_path : found_file.path.filename().string();
    if (file.is_stdin) {
      // Read here, to say so when there is nothing (an editor's empty buffer, a broken pipe).
      try {
        file.content = read_stdin(view.max_file_size());
      } catch (const InputError& error) {
        collected.problems.push_back(read_error(file.display_path, error.what()));
        continue;
      }
      if (file.content->empty()) {
        collected.skipped.push_back({file.display_path, "standard input is empty", true});
        continue;
      }
    }
    if (options.forced) {
      if (!found_file.named && !has_name_of(name, *options.forced)) continue;
      file.format = *options.forced;
      collected.files.push_back(std::move(file));
      continue;
    }
    Classification classification;
    try {
      Probe probe(file, view);
      classification =
          classify(file.is_stdin && file.path.empty() ? std::string_view() : file.display_path,
                   found_file.named, probe.probe());
    } catch (const TooLarge&) {
      // Read as its name says, where reading reports it too large.
      classification.format = InputFormat::zone;
    } catch (const InputError& error) {
      collected.problems.push_back(read_error(file.display_path, error.what()));
      continue;
    }
    if (classification.format) {
      file.format = *classification.format;
      collected.files.push_back(std::move(file));
      continue;
    }
    if (found_file.named && classification.nul_at) {
      const auto [line, column] = position_of(file.content.value_or(""), *classification.nul_at);
      collected.problems.push_back(
          read_error(file.display_path,
                     fmt::format("'{}' is {}; dnslint reads zone files, Terraform and DNS YAML "
                                 "(--input-format reads it anyway)",
                                 file.display_path, classification.skip_reason),
                     line, column));
      continue;
    }
    if (found_file.named || classification.notable) {
      collected.skipped.push_back(
          {file.display_path, std::move(classification.skip_reason), found_file.named});
    }
  }
  skip_state_beside_configuration(collected, named);
  return collected;
}

}  // namespace dnslint
