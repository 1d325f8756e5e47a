#include "formats/zone/zone_scanner.hpp"

#include <doctest/doctest.h>

namespace dnslint {
namespace {

std::vector<Entry> scan(std::string_view text, std::vector<ScanError>* errors_out = nullptr) {
  ZoneScanner scanner(text);
  std::vector<Entry> entries;
  std::vector<ScanError> errors;
  Entry entry;
  while (scanner.next(entry, errors)) entries.push_back(entry);
  if (errors_out) *errors_out = errors;
  return entries;
}

}  // namespace

TEST_CASE("entries keep the position of every token") {
  const auto entries = scan("www  IN A 192.0.2.1\n\tMX 10 mail ; comment\n");
  REQUIRE(entries.size() == 2);
  CHECK_FALSE(entries[0].starts_with_blank);
  CHECK(entries[0].tokens.size() == 4);
  CHECK(entries[0].tokens[3].text == "192.0.2.1");
  CHECK(entries[0].tokens[3].column == 11);
  CHECK(entries[0].tokens[3].end_column == 20);
  CHECK(entries[1].starts_with_blank);
  CHECK(entries[1].tokens[2].line == 2);
  CHECK(entries[1].tokens[2].text == "mail");
}

TEST_CASE("parentheses join lines and quotes protect delimiters") {
  const auto entries = scan("@ SOA ns host (\n 1 ; serial\n 2 3 4 5 )\nt TXT \"a ; (b)\" c\\;d\n");
  REQUIRE(entries.size() == 2);
  CHECK(entries[0].tokens.size() == 9);
  CHECK(entries[0].tokens[8].line == 3);
  CHECK(entries[1].tokens[2].quoted);
  CHECK(entries[1].tokens[2].text == "a ; (b)");
  CHECK(entries[1].tokens[2].raw == "\"a ; (b)\"");
  CHECK(entries[1].tokens[3].text == "c\\;d");
}

TEST_CASE("CRLF, a byte-order mark and blank lines") {
  const auto entries = scan("\xEF\xBB\xBFwww A 192.0.2.1\r\n\r\n  \r\nftp A 192.0.2.2\r\n");
  REQUIRE(entries.size() == 2);
  CHECK(entries[0].tokens[0].text == "www");
  CHECK(entries[0].tokens[2].text == "192.0.2.1");
  CHECK(entries[1].tokens[0].line == 4);
}

TEST_CASE("an unclosed parenthesis costs one record, not the rest of the file") {
  std::vector<ScanError> errors;
  const auto entries = scan("a TXT ( \"x\"\nb A 192.0.2.1\n", &errors);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].line == 1);
  CHECK(errors[0].column == 7);
  REQUIRE(entries.size() == 1);
  CHECK(entries[0].tokens[0].text == "b");
}

TEST_CASE("an unterminated quote ends at its line") {
  std::vector<ScanError> errors;
  const auto entries = scan("a TXT \"open\nb A 192.0.2.1\n", &errors);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].column == 7);
  CHECK(entries.size() == 2);
}

TEST_CASE("escapes in character-strings decode") {
  std::string out;
  CHECK(decode_escapes("a\\\"b\\065\\\\", out));
  CHECK(out == "a\"bA\\");
  CHECK_FALSE(decode_escapes("\\25", out));
  CHECK_FALSE(decode_escapes("\\999", out));
}

}  // namespace dnslint

namespace dnslint {

TEST_CASE("tokens are made printable and short for messages") {
  CHECK(printable_excerpt("abc") == "abc");
  CHECK(printable_excerpt(std::string("a\x01\x7f\t", 4)) == "a\\x01\\x7F\\t");
  CHECK(printable_excerpt(std::string(70, 'x')) == std::string(64, 'x') + "...");
}

}  // namespace dnslint
