#include "model/location.hpp"

#include <doctest/doctest.h>

#include <vector>

namespace dnslint {

TEST_CASE("a packed location gives back every location whole, packed or kept aside") {
  const std::vector<SourceLocation> locations = {
      {},
      {0, 1, 1, 1, 2},
      {3, 2'000'000, 7, 2'000'006, 12},                     // a record over several lines
      {0, 4'294'967'295u, 65'535, 4'294'967'295u, 65'535},  // the largest that pack
      {0, 10, 65'536, 10, 65'600},                          // columns past 16 bits
      {0, 10, 1, 10, 70'000},
      {0, 10, 1, 4'105, 1},     // 4,095 lines: packs
      {0, 10, 1, 4'106, 1},     // 4,096 lines: kept aside
      {1'048'574, 5, 1, 5, 2},  // the largest file number that packs
      {1'048'575, 5, 1, 5, 2},
      {4'000'000'000u, 5, 1, 5, 2},
      {0, 9, 3, 8, 1},  // ends before it starts (no reader makes one): kept as given
  };
  for (const SourceLocation& location : locations) {
    CAPTURE(location.file);
    CAPTURE(location.line);
    const PackedLocation packed = location;
    const SourceLocation got = packed;
    CHECK(got.file == location.file);
    CHECK(got.line == location.line);
    CHECK(got.column == location.column);
    CHECK(got.end_line == location.end_line);
    CHECK(got.end_column == location.end_column);
  }
  CHECK(sizeof(PackedLocation) == 12);
}

}  // namespace dnslint
