#include "formats/zone/generate.hpp"

#include <doctest/doctest.h>

namespace dnslint {
namespace {

std::string expand(std::string_view pattern, std::int64_t value) {
  std::string out;
  std::string error;
  return expand_generate_template(pattern, value, out, error) ? out : "error: " + error;
}

}  // namespace

TEST_CASE("$GENERATE ranges") {
  std::string error;
  auto range = parse_generate_range("1-10/3", error);
  REQUIRE(range);
  CHECK(range->count() == 4);
  CHECK(parse_generate_range("5-5", error)->count() == 1);
  CHECK_FALSE(parse_generate_range("10-1", error));
  CHECK_FALSE(parse_generate_range("1-10/0", error));
  CHECK_FALSE(parse_generate_range("a-b", error));
  CHECK_FALSE(parse_generate_range("0-99999999999", error));
}

TEST_CASE("$GENERATE templates: $, modifiers, escapes") {
  CHECK(expand("host$", 7) == "host7");
  CHECK(expand("${10}", 7) == "17");
  CHECK(expand("${0,3}", 7) == "007");
  CHECK(expand("${0,2,x}", 255) == "ff");
  CHECK(expand("${0,2,X}", 10) == "0A");
  CHECK(expand("${0,3,o}", 8) == "010");
  CHECK(expand("${-5}", 7) == "2");
  // Nibbles as named-checkzone 9.18 writes them.
  CHECK(expand("${0,0,n}", 0x1a) == "a.1");
  CHECK(expand("${0,1,n}", 0x1a) == "a.1");
  CHECK(expand("${0,4,n}", 0x1a) == "a.1.");
  CHECK(expand("${0,7,n}", 0x1a) == "a.1.0.0");
  CHECK(expand("${0,3,n}", 0) == "0.0");
  CHECK(expand("${0,0,N}", 0xab) == "B.A");
  CHECK(expand("${-2000,0,n}", 1024) == "0.3.c.f.f.f.f.f");
  CHECK(expand("${-30,0,x}", 26) == "fffffffc");
  CHECK(expand("${-30}", 26) == "-4");
  CHECK(expand("\\$ and $$", 1) == "$ and $");
  CHECK(expand("${0,2,q}", 1).starts_with("error: bad base"));
  CHECK(expand("${1", 1).starts_with("error: unterminated"));
  // BIND refuses an offset that takes the value out of a signed 32-bit int.
  CHECK(expand("${2147483646}", 1) == "2147483647");
  CHECK(expand("${-2147483648}", 0) == "-2147483648");
  CHECK(expand("${2147483647}", 1).find("out of range") != std::string::npos);
  CHECK(expand("${-2147483649}", 1).find("out of range") != std::string::npos);
  CHECK(expand("${99999999999}", 0).find("out of range") != std::string::npos);
}

}  // namespace dnslint
