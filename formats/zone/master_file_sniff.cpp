#include <array>

#include "formats/zone/ttl.hpp"
#include "formats/zone/zone_reader.hpp"
#include "model/ascii.hpp"
#include "model/rrtype.hpp"

namespace dnslint {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

// The white-space separated words of one line, up to a comment; at most `most`.
std::size_t words_of(std::string_view line, std::array<std::string_view, 4>& words) {
  std::size_t count = 0;
  std::size_t at = 0;
  while (count < words.size()) {
    while (at < line.size() && is_blank(line[at])) ++at;
    if (at == line.size() || line[at] == ';') break;
    const std::size_t begin = at;
    while (at < line.size() && !is_blank(line[at]) && line[at] != ';') ++at;
    words[count++] = line.substr(begin, at - begin);
  }
  return count;
}

bool is_ttl(std::string_view word) { return parse_ttl(word).status != TtlStatus::not_a_ttl; }

// An entry's first line: a directive, or [owner] [TTL] [class] type (TTL and class either way).
bool opens_entry(std::string_view line) {
  std::array<std::string_view, 4> words;
  const std::size_t count = words_of(line, words);
  if (count == 0) return false;
  if (words[0].starts_with('$')) {
    for (std::string_view directive : {"$ORIGIN", "$TTL", "$INCLUDE", "$GENERATE"}) {
      if (equals_ignoring_case(words[0], directive)) return true;
    }
    return false;
  }
  std::size_t i = is_blank(line[0]) ? 0 : 1;  // an owner when the line does not start blank
  for (int skipped = 0; skipped < 2 && i < count; ++skipped) {
    if (is_ttl(words[i]) || class_from_name(words[i])) ++i;
  }
  return i < count && type_from_name(words[i]).has_value();
}

}  // namespace

bool looks_like_master_file(std::string_view head) {
  // The first few entries decide: a master file starts with one, whatever comments come first.
  constexpr int kEntriesAsked = 3;
  int asked = 0;
  while (!head.empty() && asked < kEntriesAsked) {
    const std::size_t end = std::min(head.find('\n'), head.size());
    std::string_view line = head.substr(0, end);
    head.remove_prefix(std::min(end + 1, head.size()));
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::size_t first = 0;
    while (first < line.size() && is_blank(line[first])) ++first;
    if (first == line.size() || line[first] == ';') continue;
    if (opens_entry(line)) return true;
    ++asked;
  }
  return false;
}

}  // namespace dnslint
