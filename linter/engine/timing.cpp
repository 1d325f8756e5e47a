// --timing: the wall time and memory of each phase of a run.
#include <unistd.h>

#include <chrono>
#include <cstdio>

#include "linter/engine/engine.hpp"

namespace dnslint {

std::uint64_t resident_bytes() {
  // Linux: the second field of /proc/self/statm is the resident set, in pages.
  std::FILE* statm = std::fopen("/proc/self/statm", "r");
  if (statm == nullptr) return 0;
  unsigned long long size = 0;
  unsigned long long resident = 0;
  const int read = std::fscanf(statm, "%llu %llu", &size, &resident);
  std::fclose(statm);
  const long page = ::sysconf(_SC_PAGESIZE);
  return read == 2 && page > 0 ? resident * static_cast<std::uint64_t>(page) : 0;
}

std::uint64_t peak_resident_bytes() {
  // Linux: the "VmHWM:" line of /proc/self/status, in kB (a phase's peak can lie well above
  // what remains resident at its end).
  std::FILE* status = std::fopen("/proc/self/status", "r");
  if (status == nullptr) return 0;
  char line[256];
  unsigned long long kib = 0;
  while (std::fgets(line, sizeof line, status) != nullptr) {
    if (std::sscanf(line, "VmHWM: %llu kB", &kib) == 1) break;
  }
  std::fclose(status);
  return kib * 1024;
}

void Stopwatch::lap(std::string name) {
  if (out_ == nullptr) return;
  const auto now = std::chrono::steady_clock::now();
  out_->push_back({std::move(name), std::chrono::duration<double>(now - start_).count(),
                   resident_bytes(), peak_resident_bytes()});
  start_ = now;
}

}  // namespace dnslint
