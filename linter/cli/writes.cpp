#include "linter/cli/writes.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>

#include "linter/inputs/files.hpp"

namespace dnslint {
namespace fs = std::filesystem;

namespace {

// The temporary file being written. On SIGINT or SIGTERM it is removed before the process
// ends, so that an interrupted run leaves neither a partial file nor a stray one.
char g_temporary[4096];
volatile std::sig_atomic_t g_writing = 0;

extern "C" void remove_temporary(int signal_number) {
  if (g_writing != 0) ::unlink(g_temporary);
  std::signal(signal_number, SIG_DFL);
  std::raise(signal_number);
}

bool write_all(int fd, const std::string& text) {
  for (std::size_t done = 0; done < text.size();) {
    const ssize_t wrote = ::write(fd, text.data() + done, text.size() - done);
    if (wrote < 0 && errno == EINTR) continue;
    if (wrote <= 0) return false;
    done += static_cast<std::size_t>(wrote);
  }
  return ::fsync(fd) == 0 || errno == EINVAL;  // EINVAL: a file that cannot be synced (a pipe)
}

// A complete copy of `text` in a new file beside `target`, removed on Ctrl-C until released.
class Temporary {
 public:
  Temporary(const fs::path& target, const std::string& text, mode_t mode) {
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    path_ = (dir / fmt::format(".{}.tmp{}", target.filename().string(), ::getpid())).string();
    if (path_.size() >= sizeof g_temporary)
      throw InputError(fmt::format("cannot write '{}': the path is too long", target.string()));
    std::memcpy(g_temporary, path_.c_str(), path_.size() + 1);
    std::signal(SIGINT, remove_temporary);
    std::signal(SIGTERM, remove_temporary);
    fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd_ < 0) {
      error_ = errno;
      return;
    }
    g_writing = 1;
    if (!write_all(fd_, text)) {
      error_ = errno;
      discard();
    }
  }
  Temporary(const Temporary&) = delete;
  Temporary& operator=(const Temporary&) = delete;
  ~Temporary() { discard(); }

  int error() const { return error_; }  // 0 when the copy is complete
  int fd() const { return fd_; }
  const std::string& path() const { return path_; }
  // The copy is no longer this object's to remove (renamed into place, or kept on purpose).
  void release() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    g_writing = 0;
  }
  void discard() {
    if (fd_ < 0) return;
    ::close(fd_);
    fd_ = -1;
    ::unlink(path_.c_str());
    g_writing = 0;
  }

 private:
  std::string path_;
  int fd_ = -1;
  int error_ = 0;
};

[[noreturn]] void fail(const std::string& path, int error) {
  throw InputError(fmt::format("cannot write '{}': {}", path, std::strerror(error)));
}

}  // namespace

void write_atomically(const std::string& path, const std::string& text) {
  const fs::path target(path);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    throw InputError(
        fmt::format("cannot write '{}': directory '{}' does not exist", path, dir.string()));
  }
  // A device, a FIFO or a socket (-o /dev/null, -o /dev/stdout, a named pipe) is written to
  // as it is: a rename would replace it with a regular file.
  struct stat info {};
  if (::stat(path.c_str(), &info) == 0 && !S_ISREG(info.st_mode)) {
    if (S_ISDIR(info.st_mode)) fail(path, EISDIR);
    const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) fail(path, errno);
    const bool written = write_all(fd, text);
    const int error = errno;
    ::close(fd);
    if (!written) fail(path, error);
    return;
  }
  Temporary temporary(target, text, 0666);
  if (temporary.error() != 0) fail(path, temporary.error());
  if (::rename(temporary.path().c_str(), path.c_str()) != 0) fail(path, errno);
  temporary.release();
}

void rewrite_file(const std::string& path, const std::string& text) {
  std::error_code ec;
  // Through symbolic links to the file itself: the links stay as they are.
  const fs::path target = fs::canonical(path, ec);
  if (ec) throw InputError(fmt::format("cannot write '{}': {}", path, ec.message()));
  struct stat info {};
  if (::stat(target.c_str(), &info) != 0) fail(path, errno);
  const mode_t mode = info.st_mode & 07777;
  // Replaced by a rename where the new file can be all the old one was: one link, and the
  // owner and group this process can give it.
  if (info.st_nlink == 1) {
    Temporary temporary(target, text, 0600);
    if (temporary.error() == 0 && ::fchmod(temporary.fd(), mode) == 0 &&
        ::fchown(temporary.fd(), info.st_uid, info.st_gid) == 0) {
      if (::rename(temporary.path().c_str(), target.c_str()) != 0) fail(path, errno);
      temporary.release();
      return;
    }
  }
  // In place: the inode, and so its links, owner, group and mode, stay. A complete copy is
  // written first, so that a failure while rewriting loses nothing.
  Temporary copy(target, text, 0600);
  if (copy.error() != 0) {
    throw InputError(
        fmt::format("cannot write '{}': no room for a copy of the fixed text beside "
                    "it ({}); it was left as it was",
                    path, std::strerror(copy.error())));
  }
  const int fd = ::open(target.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
  if (fd < 0 || !write_all(fd, text)) {
    const int error = errno;
    if (fd >= 0) ::close(fd);
    copy.release();
    throw InputError(fmt::format("cannot write '{}': {}; the fixed text is in {}", path,
                                 std::strerror(error), copy.path()));
  }
  ::close(fd);
}

}  // namespace dnslint
