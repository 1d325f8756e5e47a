#include "model/printable.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <cstring>

namespace dnslint {
namespace {

// The length of the valid UTF-8 sequence (RFC 3629 §4) at the start of `text`, or 0.
std::size_t utf8_length(std::string_view text) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(0);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;   // no overlong forms
    if (lead == 0xED) high = 0x9F;  // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;  // nothing above U+10FFFF
  } else {
    return 0;
  }
  if (text.size() < length) return 0;
  if (byte(1) < low || byte(1) > high) return 0;
  for (std::size_t i = 2; i < length; ++i) {
    if (byte(i) < 0x80 || byte(i) > 0xBF) return 0;
  }
  return length;
}

bool is_control(std::string_view sequence) {
  const auto lead = static_cast<unsigned char>(sequence[0]);
  if (lead < 0x20 || lead == 0x7F) return true;
  // C1 controls, U+0080 to U+009F: C2 80 to C2 9F.
  return sequence.size() == 2 && lead == 0xC2 && static_cast<unsigned char>(sequence[1]) < 0xA0;
}

}  // namespace

bool is_printable(std::string_view text) {
  // Eight bytes at a time while all are printable ASCII, as nearly every message is: no byte
  // below 0x20 (a borrow into its high bit) and none of 0x7F or above (a carry into it, or its
  // own high bit). A word that may hold either is left to the byte-wise check below.
  constexpr std::uint64_t kOnes = 0x0101010101010101;
  constexpr std::uint64_t kHighBits = 0x8080808080808080;
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, text.data() + i, sizeof word);
    const std::uint64_t below_space = (word - 0x20 * kOnes) & ~word;
    const std::uint64_t delete_or_above = (word + kOnes) | word;
    if (((below_space | delete_or_above) & kHighBits) != 0) break;
  }
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c < 0x7F) {
      ++i;
      continue;
    }
    const std::size_t length = utf8_length(text.substr(i));
    if (length == 0 || is_control(text.substr(i, length))) return false;
    i += length;
  }
  return true;
}

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t length = utf8_length(text.substr(i));
    if (length > 0 && !is_control(text.substr(i, length))) {
      out.append(text.substr(i, length));
      i += length;
      continue;
    }
    // One byte at a time: a C1 control's two, or a byte that starts no valid sequence.
    const std::size_t bytes = length == 0 ? 1 : length;
    for (std::size_t k = 0; k < bytes; ++k) {
      const auto c = static_cast<unsigned char>(text[i + k]);
      switch (c) {
        case '\t':
          out += "\\t";
          break;
        case '\n':
          out += "\\n";
          break;
        case '\r':
          out += "\\r";
          break;
        default:
          out += fmt::format("\\x{:02X}", c);
      }
    }
    i += bytes;
  }
  return out;
}

std::string describe_character(char c) {
  switch (c) {
    case '\t':
      return "a tab";
    case ' ':
      return "a space";
    case '\n':
      return "a line feed";
    case '\r':
      return "a carriage return";
    default:
      break;
  }
  const auto byte = static_cast<unsigned char>(c);
  if (byte < 0x20 || byte >= 0x7f) return fmt::format("the byte 0x{:02X}", byte);
  return fmt::format("'{}'", c);
}

}  // namespace dnslint
