#include "formats/zone/ttl.hpp"

namespace dnslint {

TtlValue parse_ttl(std::string_view text) {
  if (text.empty() || text[0] < '0' || text[0] > '9') return {};
  constexpr std::uint64_t kMax = 0x7fffffffu;  // RFC 2181 §8
  std::uint64_t total = 0;
  std::uint64_t number = 0;
  bool have_digits = false;
  bool too_large = false;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      number = number * 10 + static_cast<std::uint64_t>(c - '0');
      if (number > kMax) {
        too_large = true;
        number = kMax + 1;
      }
      have_digits = true;
      continue;
    }
    std::uint64_t unit = 0;
    switch (c) {
      case 'w':
      case 'W':
        unit = 604800;
        break;
      case 'd':
      case 'D':
        unit = 86400;
        break;
      case 'h':
      case 'H':
        unit = 3600;
        break;
      case 'm':
      case 'M':
        unit = 60;
        break;
      case 's':
      case 'S':
        unit = 1;
        break;
      default:
        return {};
    }
    if (!have_digits) return {};
    total += number * unit;
    if (total > kMax) {
      too_large = true;
      total = kMax + 1;
    }
    number = 0;
    have_digits = false;
  }
  total += number;
  if (too_large || total > kMax) return {TtlStatus::too_large, 0};
  return {TtlStatus::ok, static_cast<std::uint32_t>(total)};
}

std::optional<std::uint32_t> parse_u32(std::string_view text) {
  if (text.empty() || text.size() > 10) return std::nullopt;
  std::uint64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<std::uint64_t>(c - '0');
  }
  if (value > 0xffffffffu) return std::nullopt;
  return static_cast<std::uint32_t>(value);
}

}  // namespace dnslint
