#include "formats/suppressions.hpp"

#include <doctest/doctest.h>

#include <limits>

namespace dnslint {

TEST_CASE("disable-next-line covers the next line that holds a record") {
  const auto s = find_suppressions(
      "a A 192.0.2.1\n; dnslint-disable-next-line mx-target-cname, null-mx-mixed -- why\n\n; note\n"
      "@ MX 10 mail\n",
      3, ';');
  REQUIRE(s.size() == 1);
  CHECK(s[0].location.file == 3);
  CHECK(s[0].location.line == 2);
  CHECK(s[0].location.column == 1);
  CHECK(s[0].rules == std::vector<std::string>{"mx-target-cname", "null-mx-mixed"});
  CHECK(s[0].reason == "why");
  CHECK(s[0].first_line == 5);
  CHECK(s[0].last_line == 5);
}

TEST_CASE("disable ranges end at their enable, or at the end of the file") {
  const auto s = find_suppressions(
      "; dnslint-disable duplicate-record\na A 1.2.3.4\n; dnslint-enable duplicate-record\n"
      "; dnslint-disable\nb A 1.2.3.5\n",
      0, ';');
  REQUIRE(s.size() == 2);
  CHECK(s[0].first_line == 2);
  CHECK(s[0].last_line == 2);
  CHECK(s[1].rules.empty());
  CHECK(s[1].first_line == 5);
  CHECK(s[1].last_line == std::numeric_limits<std::uint32_t>::max());
}

TEST_CASE("directives inside quoted strings or after other words are not suppressions") {
  CHECK(find_suppressions("a TXT \"; dnslint-disable\"\n", 0, ';').empty());
  CHECK(find_suppressions("; see dnslint-disable in the README\n", 0, ';').empty());
  CHECK(find_suppressions("# dnslint-disable-next-line x\nkey: value\n", 0, '#').size() == 1);
}

TEST_CASE("a misspelt directive covers nothing and is kept, to be reported") {
  const auto found = find_suppressions("; dnslint-disabled x\n", 0, ';');
  REQUIRE(found.size() == 1);
  CHECK(found[0].unknown_directive == "dnslint-disabled");
  CHECK(found[0].first_line > found[0].last_line);
}

TEST_CASE("dnslint-disable-line covers its own line") {
  const auto found =
      find_suppressions("a\n@ MX 10 x ; dnslint-disable-line mx-missing-backup\nb\n", 0, ';');
  REQUIRE(found.size() == 1);
  CHECK(found[0].first_line == 2);
  CHECK(found[0].last_line == 2);
  CHECK(found[0].rules == std::vector<std::string>{"mx-missing-backup"});
}

}  // namespace dnslint
