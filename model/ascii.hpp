// ASCII case folding, the only case-insensitivity DNS has (RFC 4343 §3): locale-free and the
// same everywhere it is used.
#pragma once

#include <string>
#include <string_view>

namespace dnslint {

constexpr bool ascii_is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr bool ascii_is_digit(char c) { return c >= '0' && c <= '9'; }
constexpr bool ascii_is_alnum(char c) { return ascii_is_alpha(c) || ascii_is_digit(c); }

constexpr char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

constexpr bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}

constexpr bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() &&
         equals_ignoring_case(text.substr(0, prefix.size()), prefix);
}

constexpr bool ends_with_ignoring_case(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         equals_ignoring_case(text.substr(text.size() - suffix.size()), suffix);
}

// The first place `needle` stands in `text` at or after `from`, ASCII case ignored, or npos.
constexpr std::size_t find_ignoring_case(std::string_view text, std::string_view needle,
                                         std::size_t from = 0) {
  for (std::size_t at = from; at + needle.size() <= text.size(); ++at) {
    if (equals_ignoring_case(text.substr(at, needle.size()), needle)) return at;
  }
  return std::string_view::npos;
}

inline std::string to_ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

inline std::string to_ascii_upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
  return out;
}

}  // namespace dnslint
