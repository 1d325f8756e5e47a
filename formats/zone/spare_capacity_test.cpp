#include "formats/zone/spare_capacity.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <numeric>

#if __has_include(<sys/mman.h>)
#include <sys/mman.h>
#include <unistd.h>

namespace dnslint {
namespace {

// How many of the whole pages in [begin, end) are resident (mincore).
std::size_t resident_pages(const void* begin, const void* end) {
  const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
  const std::uintptr_t first = (reinterpret_cast<std::uintptr_t>(begin) + page - 1) & ~(page - 1);
  const std::uintptr_t last = reinterpret_cast<std::uintptr_t>(end) & ~(page - 1);
  if (last <= first) return 0;
  std::vector<unsigned char> flags((last - first) / page);
  if (::mincore(reinterpret_cast<void*>(first), last - first, flags.data()) != 0) return 0;
  std::size_t resident = 0;
  for (unsigned char flag : flags) resident += flag & 1;
  return resident;
}

}  // namespace

TEST_CASE("releasing a vector's spare capacity drops those pages and keeps its elements") {
  std::vector<std::uint64_t> numbers(4 << 20);  // 32 MiB, every page written
  std::iota(numbers.begin(), numbers.end(), 0);
  const std::uint64_t* data = numbers.data();
  const std::uint64_t* kept_end = data + (1 << 20);
  const std::uint64_t* end = data + numbers.size();
  REQUIRE(resident_pages(kept_end, end) > 0);

  numbers.resize(1 << 20);  // destroys from the back and keeps the capacity
  REQUIRE(numbers.data() == data);
  release_spare_capacity(numbers);
  CHECK(resident_pages(kept_end, end) == 0);
  CHECK(resident_pages(data, kept_end) > 0);
  for (std::size_t i = 0; i < numbers.size(); i += 4099) CHECK(numbers[i] == i);
  // The released pages can be used again.
  numbers.resize(2 << 20, 7);
  CHECK(numbers.back() == 7);
  CHECK(numbers[(1 << 20) - 1] == (1 << 20) - 1);
}

}  // namespace dnslint
#endif
