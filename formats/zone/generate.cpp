#include "formats/zone/generate.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cstdint>
#include <limits>

namespace dnslint {
namespace {

std::optional<std::int64_t> read_number(std::string_view text) {
  std::int64_t value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
  return value;
}

// Nibble format as BIND writes it: hex digits lowest first, separated by dots, continued with
// zero nibbles while fewer than `width` characters are written (so a width that ends after a
// dot leaves a trailing dot, as in BIND).
std::string nibbles(std::uint32_t value, std::int64_t width, bool upper) {
  constexpr std::string_view kLower = "0123456789abcdef";
  constexpr std::string_view kUpper = "0123456789ABCDEF";
  std::string out;
  do {
    out += (upper ? kUpper : kLower)[value & 0xf];
    value >>= 4;
    --width;
    if (width > 0 || value != 0) {
      out += '.';
      --width;
    }
  } while (value != 0 || width > 0);
  return out;
}

}  // namespace

std::optional<GenerateRange> parse_generate_range(std::string_view text, std::string& error) {
  GenerateRange range;
  std::string_view bounds = text;
  if (auto slash = text.find('/'); slash != std::string_view::npos) {
    auto step = read_number(text.substr(slash + 1));
    if (!step || *step <= 0) {
      error = fmt::format("bad $GENERATE step in '{}'", text);
      return std::nullopt;
    }
    range.step = *step;
    bounds = text.substr(0, slash);
  }
  const auto dash = bounds.find('-');
  if (dash == std::string_view::npos) {
    error = fmt::format("bad $GENERATE range '{}': expected start-stop", text);
    return std::nullopt;
  }
  auto start = read_number(bounds.substr(0, dash));
  auto stop = read_number(bounds.substr(dash + 1));
  constexpr std::int64_t kMax = 0x7fffffff;
  if (!start || !stop || *start < 0 || *stop < 0 || *start > kMax || *stop > kMax) {
    error = fmt::format("bad $GENERATE range '{}': bounds must be 0..{}", text, kMax);
    return std::nullopt;
  }
  if (*start > *stop) {
    error = fmt::format("bad $GENERATE range '{}': start is above stop", text);
    return std::nullopt;
  }
  range.start = *start;
  range.stop = *stop;
  return range;
}

bool expand_generate_template(std::string_view pattern, std::int64_t value, std::string& out,
                              std::string& error) {
  out.clear();
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size() && pattern[i + 1] == '$') {
      out.push_back('$');
      ++i;
      continue;
    }
    if (c != '$') {
      out.push_back(c);
      continue;
    }
    if (i + 1 < pattern.size() && pattern[i + 1] == '$') {
      out.push_back('$');
      ++i;
      continue;
    }
    if (i + 1 >= pattern.size() || pattern[i + 1] != '{') {
      out += fmt::format("{}", value);
      continue;
    }
    const auto close = pattern.find('}', i + 2);
    if (close == std::string_view::npos) {
      error = fmt::format("unterminated '${{' in '{}'", pattern);
      return false;
    }
    const std::string_view spec = pattern.substr(i + 2, close - i - 2);
    i = close;
    std::int64_t offset = 0;
    std::int64_t width = 0;
    char base = 'd';
    std::string_view parts[3];
    std::size_t count = 0;
    for (std::size_t start = 0; count < 3;) {
      const auto comma = spec.find(',', start);
      parts[count++] = spec.substr(start, comma == std::string_view::npos ? comma : comma - start);
      if (comma == std::string_view::npos) break;
      start = comma + 1;
    }
    // Each test reads a value that is there: an optional's payload is never compared unset.
    const auto parsed_offset = read_number(parts[0]);
    const auto parsed_width = count > 1 ? read_number(parts[1]) : std::optional<std::int64_t>(0);
    const bool numbers = parsed_offset.has_value() && parsed_width.has_value();
    if (numbers) {
      offset = *parsed_offset;
      width = *parsed_width;
    }
    if (!numbers || width < 0 || width > 255 || (count > 2 && parts[2].size() != 1)) {
      error = fmt::format("bad modifier '${{{}}}'", spec);
      return false;
    }
    if (count > 2) base = parts[2][0];
    // BIND computes the shifted value as a signed 32-bit int and refuses the zone when it
    // overflows.
    const std::int64_t shifted = value + offset;
    constexpr std::int64_t kIntMin = std::numeric_limits<std::int32_t>::min();
    constexpr std::int64_t kIntMax = std::numeric_limits<std::int32_t>::max();
    if (offset < kIntMin || offset > kIntMax || shifted < kIntMin || shifted > kIntMax) {
      error = fmt::format("'${{{}}}' for {} is out of range: {} plus {} leaves the 32-bit range",
                          spec, value, value, offset);
      return false;
    }
    // Printed as a signed int in decimal and as an unsigned 32-bit number in the other bases.
    const auto w = static_cast<std::size_t>(width);
    const auto v = static_cast<std::uint32_t>(shifted);
    switch (base) {
      case 'd':
        out += fmt::format("{:0{}d}", shifted, w);
        break;
      case 'o':
        out += fmt::format("{:0{}o}", v, w);
        break;
      case 'x':
        out += fmt::format("{:0{}x}", v, w);
        break;
      case 'X':
        out += fmt::format("{:0{}X}", v, w);
        break;
      case 'n':
        out += nibbles(v, width, false);
        break;
      case 'N':
        out += nibbles(v, width, true);
        break;
      default:
        error = fmt::format("bad base '{}' in '${{{}}}' (d, o, x, X, n or N)", base, spec);
        return false;
    }
  }
  return true;
}

}  // namespace dnslint
