#include "linter/cli/cli.hpp"

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

TEST_CASE("short options take their value attached or apart, long ones after '='") {
  CHECK(parse_command_line({"-j1", "zone.db"}).request.jobs == 1);
  CHECK(parse_command_line({"--jobs=2", "zone.db"}).request.jobs == 2);
  const CliOptions attached = parse_command_line({"-fjson", "-oreport.json", "zone.db"});
  CHECK(attached.format == "json");
  CHECK(attached.output == "report.json");
  CHECK(attached.request.paths == std::vector<std::string>{"zone.db"});
  CHECK_THROWS_AS(parse_command_line({"-fxml", "zone.db"}), UsageError);
  CHECK_THROWS_AS(parse_command_line({"-x1", "zone.db"}), UsageError);
}

}  // namespace dnslint
