// The text of a large input file, mapped into memory instead of copied.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace dnslint {

// Text that is either owned (read from a pipe, a small file, or handed over after format
// detection) or a read-only mapping of a large regular file. Mapping a zone of tens of
// megabytes takes its pages from the page cache, where reading it would first fault in and
// clear as many fresh pages and then copy into them.
class FileText {
 public:
  FileText() = default;
  explicit FileText(std::string text) : owned_(std::move(text)) {}
  FileText(FileText&& other) noexcept;
  FileText& operator=(FileText&& other) noexcept;
  FileText(const FileText&) = delete;
  FileText& operator=(const FileText&) = delete;
  ~FileText();

  std::string_view view() const {
    return mapped_ != nullptr ? std::string_view(mapped_, size_) : owned_;
  }
  bool is_mapped() const { return mapped_ != nullptr; }
  // Lets the mapped pages that lie wholly in [begin, end) of the text leave the process's
  // memory once they have been read: reading them again faults them back in from the page
  // cache, so the text stays the same. Nothing happens to owned text.
  void release(std::size_t begin, std::size_t end) const;

 private:
  friend FileText read_file_text(const std::filesystem::path&, std::uint64_t, std::uint64_t);
  void unmap();

  std::string owned_;
  const char* mapped_ = nullptr;
  std::size_t size_ = 0;
  int guard_slot_ = -1;  // the mapping's entry in the truncation guard, or -1
};

// Reads `path` as read_whole_file does (the same errors, TooLarge past `max_size`), but maps a
// regular file of at least `map_from` bytes. A mapped file that another program truncates
// while it is read would end the process with SIGBUS; a handler installed with the first
// mapping reports that as an error naming the file and exits with status 2 instead.
FileText read_file_text(const std::filesystem::path& path, std::uint64_t max_size,
                        std::uint64_t map_from = std::uint64_t{1} << 20);

}  // namespace dnslint
