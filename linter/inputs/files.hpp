// The files a run reads, as it sees them: the disk, with an overlay of texts that stand for
// some files (an editor's unsaved buffers, a revision's versions of changed files). Every read
// of an input, an $INCLUDE, a Terraform sibling or module, and every second read for a report
// goes through one FileView, so that all of them see the same files.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "linter/inputs/file_text.hpp"

namespace dnslint {

// A problem with the inputs that stops the run (exit status 2).
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Content longer than the --max-file-size limit (not read, so a huge file cannot exhaust
// memory).
class TooLarge : public InputError {
 public:
  TooLarge(const std::string& path, std::uint64_t limit);
};

inline constexpr std::uint64_t kDefaultMaxFileSize = std::uint64_t{1} << 30;

// Both throw InputError, and TooLarge past `max_size` bytes.
std::string read_whole_file(const std::filesystem::path& path,
                            std::uint64_t max_size = kDefaultMaxFileSize);
std::string read_stdin(std::uint64_t max_size = kDefaultMaxFileSize);

// Texts that stand for files, by absolute, lexically normal path: a text replaces the file's
// content (or adds a file that is not on disk); nullopt hides a file that is on disk.
using Overlay = std::map<std::string, std::optional<std::string>>;

// The key of `path` in an Overlay.
std::string overlay_key(const std::filesystem::path& path);

// A directory entry as a FileView lists it.
struct DirectoryEntry {
  std::filesystem::path path;
  bool is_directory = false;
  bool is_regular_file = false;
  // Why the entry's type could not be told (a dangling link, a loop of links), or empty.
  std::string problem;
};

class FileView {
 public:
  // `overlay` is kept by reference and must outlive the view.
  explicit FileView(const Overlay& overlay = no_overlay(),
                    std::uint64_t max_file_size = kDefaultMaxFileSize)
      : overlay_(overlay), max_file_size_(max_file_size) {}

  // The text of `path`; InputError (TooLarge past the limit) when it cannot be read.
  std::string read(const std::filesystem::path& path) const;
  // The same, but a large regular file on disk is mapped rather than copied.
  FileText read_text(const std::filesystem::path& path) const;
  // The overlay's entry for `path`: null when it has none.
  const std::optional<std::string>* overlaid(const std::filesystem::path& path) const;
  bool exists(const std::filesystem::path& path) const;
  // The entries of one directory, sorted by name, with the overlay's files added and hidden
  // ones left out; the OS's reason when the directory cannot be read.
  std::vector<DirectoryEntry> list(const std::filesystem::path& directory,
                                   std::string& problem) const;
  // The overlay's texts that lie below `directory` (at any depth) and are not on disk.
  std::vector<std::filesystem::path> added_below(const std::filesystem::path& directory) const;

  std::uint64_t max_file_size() const { return max_file_size_; }

 private:
  static const Overlay& no_overlay();

  const Overlay& overlay_;
  std::uint64_t max_file_size_;
};

}  // namespace dnslint
