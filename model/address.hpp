// IP address literals, as they appear in A/AAAA rdata and (wrongly) as MX exchanges.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dnslint {

// Strict dotted quad: four decimal parts 0..255 (RFC 1035 §3.4.1 A RDATA presentation).
std::optional<std::uint32_t> parse_ipv4(std::string_view text);
// RFC 4291 §2.2 text forms, including an embedded IPv4 tail.
std::optional<std::array<std::uint8_t, 16>> parse_ipv6(std::string_view text);

// RFC 5952 §4: the canonical text of an IPv6 address ("2001:db8::1").
std::string format_ipv6(const std::array<std::uint8_t, 16>& address);
// An IPv4 address (host byte order) in dotted decimal.
std::string format_ipv4(std::uint32_t address);

// True for "192.0.2.1", "2001:db8::1", and either inside brackets ("[192.0.2.1]", the RFC 5321
// §4.1.3 address-literal form), with or without a trailing dot.
bool looks_like_address_literal(std::string_view text);

}  // namespace dnslint
