#include "linter/inputs/files.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <iostream>

namespace dnslint {
namespace fs = std::filesystem;

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
  if (::fstat(fd, &info) == 0 && S_ISDIR(info.st_mode)) {
    throw InputError(fmt::format("cannot read '{}': it is a directory", path.string()));
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

std::string overlay_key(const fs::path& path) {
  std::error_code ec;
  return fs::absolute(path, ec).lexically_normal().string();
}

const Overlay& FileView::no_overlay() {
  static const Overlay empty;
  return empty;
}

const std::optional<std::string>* FileView::overlaid(const fs::path& path) const {
  if (overlay_.empty()) return nullptr;
  const auto found = overlay_.find(overlay_key(path));
  return found == overlay_.end() ? nullptr : &found->second;
}

std::string FileView::read(const fs::path& path) const {
  if (const auto* text = overlaid(path)) {
    if (!*text)
      throw InputError(fmt::format("cannot read '{}': {}", path.string(), std::strerror(ENOENT)));
    if ((*text)->size() > max_file_size_) throw TooLarge(path.string(), max_file_size_);
    return **text;
  }
  return read_whole_file(path, max_file_size_);
}

FileText FileView::read_text(const fs::path& path) const {
  if (overlaid(path) != nullptr) return FileText(read(path));
  return read_file_text(path, max_file_size_);
}

bool FileView::exists(const fs::path& path) const {
  if (const auto* text = overlaid(path)) return text->has_value();
  std::error_code ec;
  return fs::exists(path, ec);
}

std::vector<DirectoryEntry> FileView::list(const fs::path& directory, std::string& problem) const {
  std::vector<DirectoryEntry> entries;
  std::error_code ec;
  fs::directory_iterator it(directory.empty() ? fs::path(".") : directory, ec);
  if (ec) {
    problem = ec.message();
    return entries;
  }
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) {
      problem = ec.message();
      break;
    }
    DirectoryEntry entry;
    entry.path = directory.empty() ? it->path().filename() : it->path();
    if (const auto* text = overlaid(entry.path)) {
      if (!*text) continue;
      entry.is_regular_file = true;
      entries.push_back(std::move(entry));
      continue;
    }
    std::error_code type_ec;
    entry.is_directory = it->is_directory(type_ec);
    if (!type_ec) entry.is_regular_file = it->is_regular_file(type_ec);
    // A link whose target is missing or loops: what the OS says of its target.
    if (type_ec && it->is_symlink()) entry.problem = type_ec.message();
    entries.push_back(std::move(entry));
  }
  const std::string key = overlay_key(directory.empty() ? fs::path(".") : directory);
  for (const auto& [path, text] : overlay_) {
    if (!text || fs::path(path).parent_path().string() != key) continue;
    const fs::path name = fs::path(path).filename();
    const fs::path shown = directory.empty() ? name : directory / name;
    if (std::none_of(entries.begin(), entries.end(),
                     [&](const DirectoryEntry& e) { return e.path.filename() == name; })) {
      entries.push_back({shown, false, true, {}});
    }
  }
  std::sort(entries.begin(), entries.end(), [](const DirectoryEntry& a, const DirectoryEntry& b) {
    return a.path.filename() < b.path.filename();
  });
  return entries;
}

std::vector<fs::path> FileView::added_below(const fs::path& directory) const {
  std::vector<fs::path> added;
  const std::string key = overlay_key(directory.empty() ? fs::path(".") : directory);
  for (const auto& [path, text] : overlay_) {
    if (!text) continue;
    const fs::path relative = fs::path(path).lexically_relative(key);
    if (relative.empty() || *relative.begin() == "..") continue;
    std::error_code ec;
    if (!fs::exists(path, ec)) added.push_back(directory / relative);
  }
  return added;
}

}  // namespace dnslint
