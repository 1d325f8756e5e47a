#include "linter/inputs/paths.hpp"

#include <doctest/doctest.h>

namespace dnslint {

TEST_CASE("paths are shown relative to the root, whatever their spelling") {
  const std::filesystem::path cwd = std::filesystem::current_path();
  const PathDisplay display(cwd);
  CHECK(display.show("zones/example.com.zone") == "zones/example.com.zone");
  CHECK(display.show("./zones/example.com.zone") == "zones/example.com.zone");
  CHECK(display.show("zones/../zones/./example.com.zone") == "zones/example.com.zone");
  CHECK(display.show(cwd / "zones" / "example.com.zone") == "zones/example.com.zone");
  CHECK(display.show(".") == ".");
  CHECK(display.show("./") == ".");
  CHECK(display.show("zones/") == "zones");
  // Outside the root a path stays absolute.
  const PathDisplay below(cwd / "zones");
  CHECK(below.show("zones/a.zone") == "a.zone");
  CHECK(below.show("other/a.zone") == (cwd / "other" / "a.zone").generic_string());
  CHECK(below.resolve("a.zone") == cwd / "zones" / "a.zone");
  CHECK(below.resolve("/etc/hosts") == "/etc/hosts");
}

}  // namespace dnslint
