#include "linter/config/glob.hpp"

#include <doctest/doctest.h>

#include <string>

namespace dnslint {

TEST_CASE("globs: stars stay within a segment, double stars cross them") {
  CHECK(glob_match("*.zone", "example.com.zone"));
  CHECK_FALSE(glob_match("*.zone", "zones/example.com.zone"));
  CHECK(glob_match("zones/*.zone", "zones/example.com.zone"));
  CHECK(glob_match("**/*.zone", "example.com.zone"));
  CHECK(glob_match("**/*.zone", "a/b/c/example.com.zone"));
  CHECK(glob_match("legacy/**", "legacy/old/x.db"));
  CHECK_FALSE(glob_match("legacy/**", "current/x.db"));
  CHECK(glob_match("db.?xample.com", "db.example.com"));
  CHECK(glob_match("zone[12].db", "zone2.db"));
  CHECK_FALSE(glob_match("zone[12].db", "zone3.db"));
  CHECK(glob_match("zones/**/internal/*", "zones/a/b/internal/x.zone"));
  CHECK_FALSE(glob_match("zones/**/internal/*", "zones/a/b/external/x.zone"));
  CHECK(glob_match(std::string(50, '*') + "x", std::string(5000, 'a') + "x"));
}

}  // namespace dnslint
