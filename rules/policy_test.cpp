// Policy patterns: RE2 syntax, whole or partial matches, linear time on hostile patterns.
#include "rules/policy.hpp"

#include <doctest/doctest.h>

#include <string>

namespace dnslint {
namespace {

TEST_CASE("patterns match names whole and values in part") {
  const Pattern google("(alt\\d\\.)?aspmx\\.l\\.google\\.com\\.");
  CHECK(google.matches_whole("aspmx.l.google.com."));
  CHECK(google.matches_whole("alt3.aspmx.l.google.com."));
  CHECK_FALSE(google.matches_whole("aspmx.l.google.com.evil.example."));
  CHECK(Pattern("\\+all").matches_part("v=spf1 mx +all"));
  CHECK_FALSE(Pattern("\\+all").matches_part("v=spf1 mx -all"));
}

TEST_CASE("a pattern that does not compile says why") {
  CHECK_FALSE(pattern_problem("mx\\d+\\.example\\.com\\."));
  const auto problem = pattern_problem("(a+");
  REQUIRE(problem);
  CHECK(problem->find("missing )") != std::string::npos);
  CHECK(pattern_problem("a(?=b)"));  // lookahead: not in RE2, which never backtracks
}

TEST_CASE("a pattern that backtracking engines take exponential time on is linear here") {
  // (a+)+$ against a long run of a's ending in a b: a backtracking engine tries 2^n ways; RE2
  // simulates the automaton once. 100,000 characters finish at once (the test would not).
  const std::string name = std::string(100'000, 'a') + "b";
  const Pattern evil("(a+)+$");
  CHECK_FALSE(evil.matches_whole(name));
  CHECK(evil.matches_part(name.substr(0, 50'000)));
  CHECK_FALSE(Pattern("(x+x+)+y").matches_whole(std::string(50'000, 'x')));
}

}  // namespace
}  // namespace dnslint
