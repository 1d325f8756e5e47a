#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace dnslint {

enum class TtlStatus { ok, not_a_ttl, too_large };

struct TtlValue {
  TtlStatus status = TtlStatus::not_a_ttl;
  std::uint32_t seconds = 0;
};

// A TTL as BIND writes it: seconds ("3600") or units ("1h30m", "2w", "1D"; w d h m s, any case,
// a trailing bare number counts as seconds). Values above 2^31-1 are too large (RFC 2181 §8).
TtlValue parse_ttl(std::string_view text);

// An unsigned decimal that fits 32 bits (SOA serial).
std::optional<std::uint32_t> parse_u32(std::string_view text);

}  // namespace dnslint
