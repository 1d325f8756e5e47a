#include "linter/inputs/file_text.hpp"

#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "linter/inputs/collect.hpp"

namespace dnslint {
namespace {

// A file of its own in the system's temporary directory, removed at the end of the test.
class TemporaryFile {
 public:
  explicit TemporaryFile(const std::string& text)
      : path_(std::filesystem::temp_directory_path() /
              ("dnslint-file-text-" + std::to_string(::getpid()) + "-" +
               std::to_string(next_number_++) + ".zone")) {
    std::ofstream(path_, std::ios::binary) << text;
  }
  ~TemporaryFile() {
    std::error_code ignored;
    std::filesystem::remove(path_, ignored);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  static inline int next_number_ = 0;
  std::filesystem::path path_;
};

std::string zone_text(std::size_t records) {
  std::string text = "$ORIGIN example.\n";
  for (std::size_t i = 0; i < records; ++i) text += "h" + std::to_string(i) + " IN A 192.0.2.1\n";
  return text;
}

// The resident size in KiB of the mapping that starts at `address`, from /proc/self/smaps;
// -1 where the system does not tell.
long resident_kib(const void* address) {
  std::ifstream smaps("/proc/self/smaps");
  const auto start = reinterpret_cast<std::uintptr_t>(address);
  bool in_mapping = false;
  for (std::string line; std::getline(smaps, line);) {
    if (line.find('-') != std::string::npos && std::isxdigit(static_cast<unsigned char>(line[0])) &&
        line.find(' ') > line.find('-')) {
      in_mapping = std::stoull(line.substr(0, line.find('-')), nullptr, 16) == start;
    } else if (in_mapping && line.starts_with("Rss:")) {
      return std::stol(line.substr(4));
    }
  }
  return -1;
}

}  // namespace

TEST_CASE("file text: small files are read, large ones mapped, both as written") {
  const std::string text = zone_text(1000);
  TemporaryFile file(text);
  const FileText read = read_file_text(file.path(), kDefaultMaxFileSize);
  CHECK_FALSE(read.is_mapped());
  CHECK(read.view() == text);

  FileText mapped = read_file_text(file.path(), kDefaultMaxFileSize, 1);
  CHECK(mapped.is_mapped());
  CHECK(mapped.view() == text);
  FileText moved = std::move(mapped);
  CHECK(moved.is_mapped());
  CHECK(moved.view() == text);
  moved = FileText("owned");
  CHECK(moved.view() == "owned");

  CHECK_THROWS_AS(read_file_text(file.path(), 100, 1), TooLarge);
  CHECK_THROWS_AS(read_file_text(file.path().string() + ".missing", kDefaultMaxFileSize, 1),
                  InputError);
  TemporaryFile empty("");
  CHECK(read_file_text(empty.path(), kDefaultMaxFileSize, 0).view().empty());
}

TEST_CASE("file text: released pages leave memory and read back the same") {
  const std::string text = zone_text(200000);  // about 5 MB
  TemporaryFile file(text);
  const FileText mapped = read_file_text(file.path(), kDefaultMaxFileSize, 1);
  REQUIRE(mapped.is_mapped());
  const long before = resident_kib(mapped.view().data());
  mapped.release(0, text.size() / 2);
  mapped.release(text.size() - 1000, text.size() + 1000);  // past the end: clipped
  const long after = resident_kib(mapped.view().data());
  if (before < 0 || after < 0) {
    MESSAGE("skipped the resident size check: /proc/self/smaps does not show the mapping");
  } else {
    CHECK(after < before - 2000);  // half of the file's 5 MB went
  }
  CHECK(mapped.view() == text);
  const FileText owned = read_file_text(file.path(), kDefaultMaxFileSize);
  owned.release(0, text.size());
  CHECK(owned.view() == text);
}

TEST_CASE("file text: a mapped file truncated while read ends the run with status 2") {
  const std::string text = zone_text(100000);
  TemporaryFile file(text);
  int error_pipe[2];
  REQUIRE(::pipe(error_pipe) == 0);
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    // In the child: map the file, cut it short as another program might, read past the cut.
    ::dup2(error_pipe[1], STDERR_FILENO);
    const FileText mapped = read_file_text(file.path(), kDefaultMaxFileSize, 1);
    if (!mapped.is_mapped() || ::truncate(file.path().c_str(), 0) != 0) ::_exit(10);
    std::size_t sum = 0;
    for (char c : mapped.view()) sum += static_cast<unsigned char>(c);
    ::_exit(sum == 0 ? 11 : 12);  // not reached: the read faults
  }
  ::close(error_pipe[1]);
  std::string message;
  char buffer[256];
  for (ssize_t got; (got = ::read(error_pipe[0], buffer, sizeof buffer)) > 0;) {
    message.append(buffer, static_cast<std::size_t>(got));
  }
  ::close(error_pipe[0]);
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 2);
  CHECK(message ==
        "dnslint: cannot read '" + file.path().string() + "': it was truncated while being read\n");
}

}  // namespace dnslint
