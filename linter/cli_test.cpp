#include "linter/cli.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <thread>

namespace dnslint {

TEST_CASE("without -j the run uses every core, with -j the number given") {
  const CliOptions defaults = parse_command_line({"zone.db"});
  CHECK(defaults.request.jobs == std::max(1u, std::thread::hardware_concurrency()));
  CHECK(parse_command_line({"-j", "3", "zone.db"}).request.jobs == 3);
  CHECK(parse_command_line({"--jobs", "1", "zone.db"}).request.jobs == 1);
}

}  // namespace dnslint
