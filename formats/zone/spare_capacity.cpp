#include "formats/zone/spare_capacity.hpp"

#if __has_include(<sys/mman.h>)
#include <sys/mman.h>
#include <unistd.h>
#endif

#include <cstdint>

namespace dnslint {

void release_pages(void* begin, void* end) {
#if __has_include(<sys/mman.h>)
  static const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
  if (begin == nullptr || page == 0) return;
  // Whole pages only: the allocator's bookkeeping may sit just before or after the range.
  const std::uintptr_t first = (reinterpret_cast<std::uintptr_t>(begin) + page - 1) & ~(page - 1);
  const std::uintptr_t last = reinterpret_cast<std::uintptr_t>(end) & ~(page - 1);
  // MADV_DONTNEED on private anonymous memory: the pages are dropped now, and a later touch
  // (the vector growing again, or the allocator reusing the block) maps zeroed pages.
  if (last > first) ::madvise(reinterpret_cast<void*>(first), last - first, MADV_DONTNEED);
#else
  (void)begin;
  (void)end;
#endif
}

}  // namespace dnslint
