#include "model/finding_log.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <cstdint>
#include <random>
#include <span>
#include <string>
#include <vector>

namespace dnslint {
namespace {

constexpr std::string_view kRuleA = "rule-a";
constexpr std::string_view kRuleB = "rule-b";

Finding make(std::string_view rule, SourceLocation location, std::string message, std::string zone,
             std::string owner, std::string type, std::vector<RelatedLocation> related = {}) {
  Finding finding;
  finding.rule = rule;
  finding.location = location;
  finding.message = message;
  finding.zone = zone;
  finding.owner = owner;
  finding.type = type;
  finding.related = std::move(related);
  return finding;
}

bool same_location(const SourceLocation& a, const SourceLocation& b) {
  return a.file == b.file && a.line == b.line && a.column == b.column && a.end_line == b.end_line &&
         a.end_column == b.end_column;
}

// Every field equal, the rule the same static text (not only equal text).
void check_same(const Finding& got, const Finding& expected) {
  CHECK(got.rule.data() == expected.rule.data());
  CHECK(got.rule == expected.rule);
  CHECK(got.unconfirmed == expected.unconfirmed);
  CHECK(got.milder == expected.milder);
  CHECK(got.focus == expected.focus);
  CHECK(got.fix == expected.fix);
  CHECK(got.fix_is_suggestion == expected.fix_is_suggestion);
  CHECK(got.fix_text == expected.fix_text);
  CHECK(same_location(got.location, expected.location));
  CHECK(got.message == expected.message);
  CHECK(got.zone == expected.zone);
  CHECK(got.owner == expected.owner);
  CHECK(got.type == expected.type);
  REQUIRE(got.related.size() == expected.related.size());
  for (std::size_t i = 0; i < got.related.size(); ++i) {
    CHECK(same_location(got.related[i].location, expected.related[i].location));
    CHECK(got.related[i].message == expected.related[i].message);
  }
}

void append(FindingLog& log, const Finding& finding) {
  std::vector<RelatedView> related;
  for (const RelatedLocation& r : finding.related) related.push_back({r.location, r.message});
  log.append(finding.rule, finding.location, finding.message, finding.zone, finding.owner,
             finding.type, related,
             {finding.unconfirmed, finding.milder, finding.focus, finding.fix,
              finding.fix_is_suggestion, finding.fix_text});
}

std::vector<Finding> round_trip(const std::vector<Finding>& findings) {
  FindingLog log;
  for (const Finding& finding : findings) append(log, finding);
  REQUIRE(log.size() == findings.size());
  std::vector<Finding> decoded(log.size());
  log.decode_into(decoded);
  return decoded;
}

}  // namespace

TEST_CASE("a finding log gives back every finding as it was appended") {
  const SourceLocation top{0, 1, 1, 1, 5};
  const SourceLocation far{7, 4'000'000'000u, 65'536, 4'000'000'002u, 3};
  const SourceLocation back{1, 2, 9, 1, 1};  // ends before it starts: kept as given
  const std::vector<Finding> findings = {
      make(kRuleA, top, "first message", "example.com.", "a.example.com.", "MX"),
      make(kRuleA, far, "first message", "example.com.", "b.example.com.", "MX",
           {{top, "defined here"}, {far, "defined here"}}),
      make(kRuleB, back, "", "", "", ""),
      make(kRuleA, top, std::string("nul\0byte", 8), "example.com.", "aaa", "A", {{back, ""}}),
      make(kRuleA, top, "nul", "example.com.", "aa", "TYPE65534"),
      make(kRuleB, far, "nul\0byte and more", "example.net.", "aaaa", "A"),
      make(kRuleA, top, "abcab", "example.net.", "ab", "A", {{top, "abcab"}}),
      make(kRuleA, top, "ab", "example.net.", "abab", "A", {{top, "ab"}}),
  };
  const std::vector<Finding> decoded = round_trip(findings);
  for (std::size_t i = 0; i < findings.size(); ++i) {
    CAPTURE(i);
    check_same(decoded[i], findings[i]);
  }
}

TEST_CASE("a finding log round-trips random texts that share starts and ends") {
  // Texts from a two-letter alphabet share starts and ends in every way, overlapping too.
  std::mt19937 random(42);
  auto pick = [&](std::uint32_t below) { return static_cast<std::uint32_t>(random() % below); };
  auto text = [&] {
    std::string result(pick(7), 'a');
    for (char& c : result) c = pick(2) == 0 ? 'a' : 'b';
    return result;
  };
  std::vector<Finding> findings;
  for (int i = 0; i < 3000; ++i) {
    const std::uint32_t line = pick(50) + 1;
    std::vector<RelatedLocation> related(pick(3));
    for (RelatedLocation& r : related) r = {{0, line + 1, 2, line + 1, 3}, text()};
    findings.push_back(make(i % 3 == 0 ? kRuleB : kRuleA, {pick(4), line, 1, line + pick(2), 9},
                            text(), text(), text(), text(), std::move(related)));
    findings.back().unconfirmed = pick(2) == 0;
    findings.back().milder = pick(2) == 0;
    if (pick(3) == 0) findings.back().focus = text();
    if (pick(3) == 0) {
      findings.back().fix = static_cast<FixKind>(pick(4));
      findings.back().fix_is_suggestion = pick(2) == 1;
      findings.back().fix_text = text();
    }
  }
  const std::vector<Finding> decoded = round_trip(findings);
  for (std::size_t i = 0; i < findings.size(); ++i) {
    CAPTURE(i);
    check_same(decoded[i], findings[i]);
  }
}

TEST_CASE("a finding log round-trips texts edited in one or two places") {
  // Each text is the one before with a few bytes replaced, inserted or removed in one or two
  // places: common starts and ends of every length, overlapping too.
  std::mt19937 random(7);
  auto pick = [&](std::size_t below) { return static_cast<std::size_t>(random() % below); };
  auto letters = [&](std::size_t count) {
    std::string result(count, 'a');
    for (char& c : result) c = "abc."[pick(4)];
    return result;
  };
  std::string text = letters(40);
  std::vector<Finding> findings;
  for (int i = 0; i < 5000; ++i) {
    for (std::size_t edit = pick(3); edit-- > 0;) {
      const std::size_t at = pick(text.size() + 1);
      text.replace(at, std::min(pick(4), text.size() - at), letters(pick(4)));
    }
    if (text.size() > 80 || pick(50) == 0) text = letters(pick(60));
    findings.push_back(make(kRuleA, {0, 1, 1, 1, 2}, text, "z.", text.substr(0, pick(30)), "MX",
                            {{{0, 2, 1, 2, 2}, text.substr(pick(text.size() + 1))}}));
  }
  const std::vector<Finding> decoded = round_trip(findings);
  for (std::size_t i = 0; i < findings.size(); ++i) {
    CAPTURE(i);
    check_same(decoded[i], findings[i]);
  }
}

TEST_CASE("a finding log keeps a rule's findings in a few dozen bytes each and shares repeats") {
  FindingLog log;
  const std::vector<RelatedView> related = {{{0, 1, 1, 1, 2}, "exchange in the same network"}};
  constexpr std::uint32_t kFindings = 100'000;
  for (std::uint32_t i = 0; i < kFindings; ++i) {
    const std::string owner = fmt::format("host{}.bench.example.", i);
    const std::string message = fmt::format(
        "all 2 mail exchanges of {} are in 10.0.{}.0/24; one network outage stops all mail", owner,
        i / 256);
    log.append(kRuleA, {0, 3 * i + 1, 1, 3 * i + 1, 20}, message, "bench.example.", owner, "MX",
               related);
  }
  // A Finding alone is about 100 bytes; its texts as written here are another 140.
  CHECK(log.bytes() / kFindings < 32);
  std::vector<Finding> decoded(log.size());
  log.decode_into(decoded);
  CHECK(decoded[12'345].owner == "host12345.bench.example.");
  CHECK(decoded[12'345].message ==
        "all 2 mail exchanges of host12345.bench.example. are in 10.0.48.0/24; one network "
        "outage stops all mail");
  CHECK(decoded[12'345].location.line == 3 * 12'345 + 1);
  // Texts that repeat the finding before are one shared text (within a part).
  CHECK(decoded[0].zone.view().data() == decoded[1].zone.view().data());
  CHECK(decoded[0].type.view().data() == decoded[1].type.view().data());
  CHECK(decoded[0].related[0].message.view().data() == decoded[1].related[0].message.view().data());

  // Its parts decode on their own, in any order, to the same findings.
  REQUIRE(log.parts() > 3);
  std::vector<Finding> by_parts(log.size());
  std::vector<std::size_t> starts(log.parts(), 0);
  for (std::size_t part = 1; part < log.parts(); ++part) {
    starts[part] = starts[part - 1] + log.part_size(part - 1);
  }
  for (std::size_t part = log.parts(); part-- > 0;) {
    log.decode_part(part, std::span<Finding>(by_parts).subspan(starts[part], log.part_size(part)));
  }
  for (std::size_t i = 0; i < decoded.size(); i += 97) {
    CAPTURE(i);
    check_same(by_parts[i], decoded[i]);
  }
  check_same(by_parts.back(), decoded.back());
}

TEST_CASE("a finding log keeps one rule's findings in a few dozen bytes each") {
  // Owners in no order (as a rule walking owners by first appearance reports them): the
  // message differs from the one before in the name only.
  FindingLog log;
  std::mt19937 random(3);
  constexpr std::uint32_t kFindings = 100'000;
  for (std::uint32_t i = 0; i < kFindings; ++i) {
    const std::string owner = fmt::format("h{}.bench.example.", random() % 1'000'000);
    log.append(kRuleA, {0, i + 1, 1, i + 1, 20},
               fmt::format("all 2 mail exchanges of {} are in 10.0.0.0/24; one network outage "
                           "stops all mail",
                           owner),
               "bench.example.", owner, "MX", {});
  }
  CHECK(log.bytes() / kFindings < 40);
  std::vector<Finding> decoded(log.size());
  log.decode_into(decoded);
  for (std::size_t i = 0; i < decoded.size(); i += 997) {
    CHECK(decoded[i].message.view() ==
          "all 2 mail exchanges of " + std::string(decoded[i].owner.view()) +
              " are in 10.0.0.0/24; one network outage stops all mail");
  }
}

}  // namespace dnslint
