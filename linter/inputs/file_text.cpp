#include "linter/inputs/file_text.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstring>
#include <mutex>
#include <utility>

#include "linter/inputs/files.hpp"

namespace dnslint {
namespace {

// The mappings a SIGBUS may come from. The handler only reads atomics and fixed buffers, as a
// signal handler must; a mapping that finds every slot taken is read instead.
struct GuardSlot {
  std::atomic<bool> taken{false};
  std::atomic<std::uintptr_t> begin{0};
  std::atomic<std::uintptr_t> end{0};
  std::array<char, 1024> path{};
};
std::array<GuardSlot, 16> guard_slots;

void write_text(const char* text) {
  // Best effort: the process is about to exit with status 2 either way.
  for (std::size_t left = std::strlen(text); left > 0;) {
    const ssize_t wrote = ::write(STDERR_FILENO, text, left);
    if (wrote <= 0) return;
    text += wrote;
    left -= static_cast<std::size_t>(wrote);
  }
}

void on_bus_error(int, siginfo_t* info, void*) {
  const auto address = reinterpret_cast<std::uintptr_t>(info->si_addr);
  for (const GuardSlot& slot : guard_slots) {
    const std::uintptr_t begin = slot.begin.load(std::memory_order_acquire);
    if (begin != 0 && address >= begin && address < slot.end.load(std::memory_order_acquire)) {
      write_text("dnslint: cannot read '");
      write_text(slot.path.data());
      write_text("': it was truncated while being read\n");
      ::_exit(2);
    }
  }
  // Not an input mapping: the default action, as if there were no handler.
  struct sigaction action {};
  action.sa_handler = SIG_DFL;
  ::sigaction(SIGBUS, &action, nullptr);
}

void install_bus_error_handler() {
  static std::once_flag installed;
  std::call_once(installed, [] {
    struct sigaction action {};
    action.sa_sigaction = on_bus_error;
    action.sa_flags = SA_SIGINFO;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGBUS, &action, nullptr);
  });
}

// Registers a mapping with the handler; -1 when every slot is taken.
int guard(const char* begin, std::size_t size, const std::string& path) {
  install_bus_error_handler();
  for (std::size_t i = 0; i < guard_slots.size(); ++i) {
    GuardSlot& slot = guard_slots[i];
    bool expected = false;
    if (!slot.taken.compare_exchange_strong(expected, true)) continue;
    const std::size_t length = std::min(path.size(), slot.path.size() - 1);
    std::memcpy(slot.path.data(), path.data(), length);
    slot.path[length] = '\0';
    slot.end.store(reinterpret_cast<std::uintptr_t>(begin) + size, std::memory_order_release);
    slot.begin.store(reinterpret_cast<std::uintptr_t>(begin), std::memory_order_release);
    return static_cast<int>(i);
  }
  return -1;
}

void unguard(int index) {
  GuardSlot& slot = guard_slots[static_cast<std::size_t>(index)];
  slot.begin.store(0, std::memory_order_release);
  slot.end.store(0, std::memory_order_release);
  slot.taken.store(false, std::memory_order_release);
}

}  // namespace

FileText::FileText(FileText&& other) noexcept
    : owned_(std::move(other.owned_)),
      mapped_(std::exchange(other.mapped_, nullptr)),
      size_(std::exchange(other.size_, 0)),
      guard_slot_(std::exchange(other.guard_slot_, -1)) {}

FileText& FileText::operator=(FileText&& other) noexcept {
  if (this != &other) {
    unmap();
    owned_ = std::move(other.owned_);
    mapped_ = std::exchange(other.mapped_, nullptr);
    size_ = std::exchange(other.size_, 0);
    guard_slot_ = std::exchange(other.guard_slot_, -1);
  }
  return *this;
}

FileText::~FileText() { unmap(); }

void FileText::unmap() {
  if (mapped_ == nullptr) return;
  if (guard_slot_ >= 0) unguard(guard_slot_);
  ::munmap(const_cast<char*>(mapped_), size_);
  mapped_ = nullptr;
  size_ = 0;
  guard_slot_ = -1;
}

void FileText::release(std::size_t begin, std::size_t end) const {
  if (mapped_ == nullptr) return;
  const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  const std::size_t first = (begin + page - 1) / page * page;
  const std::size_t last = std::min(end, size_) / page * page;
  if (first >= last) return;
  // The mapping is private and never written, so dropping its pages loses nothing.
  ::madvise(const_cast<char*>(mapped_) + first, last - first, MADV_DONTNEED);
}

FileText read_file_text(const std::filesystem::path& path, std::uint64_t max_size,
                        std::uint64_t map_from) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode) ||
      static_cast<std::uint64_t>(info.st_size) < map_from ||
      static_cast<std::uint64_t>(info.st_size) > max_size) {
    // Small files, pipes and devices are read; read_whole_file also reports what is wrong.
    return FileText(read_whole_file(path, max_size));
  }
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return FileText(read_whole_file(path, max_size));  // which reports why
  // The size again from the open file: it may have changed since stat().
  const bool sized = ::fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && info.st_size > 0;
  const auto size = static_cast<std::size_t>(info.st_size);
  // Populated at once: a zone is read from end to end, and faulting the pages in one call is
  // cheaper than one fault for every few of them.
  void* memory = sized && size <= max_size
                     ? ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0)
                     : MAP_FAILED;
  ::close(fd);
  if (memory == MAP_FAILED) return FileText(read_whole_file(path, max_size));
  FileText text;
  text.mapped_ = static_cast<const char*>(memory);
  text.size_ = size;
  text.guard_slot_ = guard(text.mapped_, size, path.string());
  if (text.guard_slot_ < 0) {
    text.unmap();
    return FileText(read_whole_file(path, max_size));
  }
  return text;
}

}  // namespace dnslint
