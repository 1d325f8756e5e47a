// Reading a large file in parts on several threads must give exactly what reading it in order
// gives: the same names with the same ids, records, positions, findings and suppressions.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <mutex>
#include <utility>
#include <vector>

#include "formats/zone/zone_reader.hpp"
#include "formats/zone/zone_testing.hpp"

namespace dnslint {
namespace {

namespace fs = std::filesystem;

using testing::describe;
using testing::MemoryLoader;

ZoneReadResult read_with(std::string_view text, unsigned threads, std::size_t min_part_bytes,
                         IncludeLoader* loader = nullptr) {
  ZoneReadOptions options;
  options.display_path = "parts.example.zone";
  options.identity = "parts.example.zone";
  options.origin = "parts.example.";
  options.includes = loader;
  options.threads = threads;
  options.for_each = testing::on_own_threads;
  options.min_part_bytes = min_part_bytes;
  return read_zone(text, options);
}

// Compares in-order reading with parts of every size from one byte up; returns how many parts
// were taken over as read in parallel (the rest were read again in order).
std::size_t check_parts_agree(const std::string& name, std::string_view text,
                              IncludeLoader* loader = nullptr) {
  const std::vector<std::string> expected = describe(read_with(text, 1, 1, loader));
  std::size_t joined = 0;
  for (unsigned threads : {2u, 3u, 8u}) {
    for (std::size_t min_part : {std::size_t{1}, std::size_t{97}, text.size() / 3 + 1}) {
      const ZoneReadResult parts = read_with(text, threads, min_part, loader);
      joined += parts.parts_joined;
      const std::vector<std::string> got = describe(parts);
      if (got == expected) continue;
      const auto [first_expected, first_got] =
          std::mismatch(expected.begin(), expected.end(), got.begin(), got.end());
      FAIL_CHECK(name << " with " << threads << " threads, parts of " << min_part
                      << " bytes: in order '"
                      << (first_expected == expected.end() ? "(end)" : *first_expected)
                      << "', in parts '" << (first_got == got.end() ? "(end)" : *first_got) << "'");
    }
  }
  return joined;
}

std::string tricky_zone() {
  std::string text = "$ORIGIN parts.example.\n$TTL 300\n@ SOA ns hostmaster 1 2 3 4 5\n";
  for (int i = 0; i < 300; ++i) {
    text += fmt::format("host{} A 192.0.2.{}\n", i, i % 250);
    text += fmt::format("  3600 IN AAAA 2001:db8::{:x} ; the same owner\n", i);
    text += fmt::format("mx{} MX ( 10\n    mail{} ) ; parentheses over two lines\n", i, i);
    if (i % 7 == 0) text += fmt::format("bad{} A 999.0.0.1\n", i);
    if (i % 11 == 0) text += fmt::format("txt{} TXT \"a;b\" \"(not a paren\"\n", i);
    if (i % 13 == 0) text += "\n; a comment line\n\n";
    if (i % 17 == 0) text += fmt::format("ign{} A 192.0.2.1 ; dnslint-disable-line\n", i);
    // Parts that start after these lines start from a state the head did not leave.
    if (i % 100 == 25) text += fmt::format("$ORIGIN sub{}.parts.example.\n", i);
    if (i % 100 == 30) text += "$ORIGIN parts.example.\n";
    if (i == 280) text += "$TTL 100\n";
    if (i % 97 == 50) text += fmt::format("$GENERATE 1-3 gen{}-$ A 192.0.2.$\n", i);
    if (i % 120 == 60) text += "open ( A\n";  // never closed: one finding, reading goes on
  }
  return text;
}

}  // namespace

TEST_CASE("a zone read in parts gives what reading it in order gives") {
  const std::string text = tricky_zone();
  CHECK(check_parts_agree("tricky zone", text) > 0);
}

TEST_CASE("parts that start where the reader before them was not are read again in order") {
  // No $TTL: each TTL depends on the record before, so parts cannot assume their state.
  std::string text = "$ORIGIN parts.example.\n";
  for (int i = 0; i < 200; ++i)
    text += fmt::format("h{} {} A 192.0.2.1\nn{} A 192.0.2.2\n", i, i + 1, i);
  // No part can be taken over: every one was read again in order, and the result is the same.
  CHECK(check_parts_agree("zone without $TTL", text) == 0);
  // A $INCLUDE in a later part is read in order, with its own file number.
  MemoryLoader loader;
  loader.files["inc.zone"] = "included A 192.0.2.9\nbroken A x\n";
  std::string with_include = "$TTL 60\n";
  for (int i = 0; i < 200; ++i) {
    with_include += fmt::format("h{} A 192.0.2.1\n", i);
    if (i == 150) with_include += "$INCLUDE inc.zone\n";
  }
  check_parts_agree("zone with $INCLUDE", with_include, &loader);
}

TEST_CASE("a zone read in parts hands back what it has read, and reads the same") {
  std::string text = "$ORIGIN parts.example.\n$TTL 300\n";
  for (int i = 0; i < 100000; ++i) text += fmt::format("host{} A 192.0.2.{}\n", i, i % 250);
  for (unsigned threads : {1u, 2u}) {
    ZoneReadOptions options;
    options.display_path = "parts.example.zone";
    options.identity = "parts.example.zone";
    options.origin = "parts.example.";
    options.threads = threads;
    options.for_each = testing::on_own_threads;
    options.min_part_bytes = text.size() / 3;
    std::mutex mutex;
    std::vector<std::pair<std::size_t, std::size_t>> released;
    options.release_text = [&](std::size_t begin, std::size_t end) {
      const std::lock_guard lock(mutex);
      released.emplace_back(begin, end);
    };
    const ZoneReadResult result = read_zone(text, options);
    CHECK(describe(result) == describe(read_with(text, 1, 1)));
    CHECK(result.parts_joined == threads - 1);
    std::sort(released.begin(), released.end());
    std::size_t covered = 0;
    for (std::size_t i = 0; i < released.size(); ++i) {
      CHECK(released[i].first < released[i].second);
      CHECK(released[i].second <= text.size());
      if (i > 0) CHECK(released[i - 1].second <= released[i].first);
      covered += released[i].second - released[i].first;
    }
    // Everything but the last stretch of each part (less than the release step) goes back.
    CHECK(covered > text.size() - threads * 256 * 1024);
  }
}

TEST_CASE("an entry whose '(' is never closed reads the same in parts") {
  // Found by the fuzz target: the scanner gives up on the open parenthesis at the end of the
  // input and goes on after the line that opened it.
  const std::string text(
      "ru \n\xcele :sm\x01\x00\x00\x00\x00\x00\x00\x00x-missing-bac \n\xcele "
      ":sm\x01\x00\x00\x00\x00\x00\x00\x00x-missing-backup:\n ules:\n  mx-missing-bakup:\n"
      "\x00\x00`0\x00(_\xb8 ules:\n  mx-missing-bacs",
      126);
  check_parts_agree("open parenthesis", text);
}

TEST_CASE("every zone of the corpora reads the same in parts") {
  const fs::path source = DNSLINT_SOURCE_DIR;
  std::vector<fs::path> roots = {source / "examples", source / "tests" / "rules"};
  const fs::path shared = source.parent_path() / "shared";
  if (fs::is_directory(shared)) {
    roots.push_back(shared / "corpus" / "bind");
    roots.push_back(shared / "peer-corpus");
  } else {
    MESSAGE("skipping the shared corpora: " << shared.string() << " is absent");
  }
  std::size_t files = 0;
  std::size_t joined = 0;
  for (const fs::path& root : roots) {
    for (const fs::path& path : testing::zone_files_under(root, 256 * 1024)) {
      joined += check_parts_agree(path.string(), testing::read_text(path));
      ++files;
    }
  }
  MESSAGE(files << " files read in parts, " << joined << " parts taken over as read");
  CHECK(files > 10);
  CHECK(joined > files);
}

}  // namespace dnslint
