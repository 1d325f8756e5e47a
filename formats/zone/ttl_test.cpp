#include "formats/zone/ttl.hpp"

#include <doctest/doctest.h>

namespace dnslint {

TEST_CASE("TTLs in seconds and BIND units") {
  CHECK(parse_ttl("3600").seconds == 3600);
  CHECK(parse_ttl("1h30m").seconds == 5400);
  CHECK(parse_ttl("2w").seconds == 1209600);
  CHECK(parse_ttl("1D").seconds == 86400);
  CHECK(parse_ttl("1h5").seconds == 3605);
  CHECK(parse_ttl("0").status == TtlStatus::ok);
  CHECK(parse_ttl("2147483647").status == TtlStatus::ok);
}

TEST_CASE("bad and oversized TTLs") {
  CHECK(parse_ttl("2147483648").status == TtlStatus::too_large);
  CHECK(parse_ttl("99999999999999999999999").status == TtlStatus::too_large);
  CHECK(parse_ttl("100000w").status == TtlStatus::too_large);
  CHECK(parse_ttl("1x").status == TtlStatus::not_a_ttl);
  CHECK(parse_ttl("h").status == TtlStatus::not_a_ttl);
  CHECK(parse_ttl("1hh").status == TtlStatus::not_a_ttl);
  CHECK(parse_ttl("").status == TtlStatus::not_a_ttl);
}

TEST_CASE("SOA serials are 32-bit") {
  CHECK(parse_u32("4294967295") == 4294967295u);
  CHECK_FALSE(parse_u32("4294967296"));
  CHECK_FALSE(parse_u32("12a"));
}

}  // namespace dnslint
