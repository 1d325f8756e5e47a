// Resource record types and classes: the numbers the rules name, and their mnemonics.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dnslint {

using RRType = std::uint16_t;
using RRClass = std::uint16_t;

namespace rrtype {
inline constexpr RRType A = 1;
inline constexpr RRType NS = 2;
inline constexpr RRType CNAME = 5;
inline constexpr RRType SOA = 6;
inline constexpr RRType PTR = 12;
inline constexpr RRType MX = 15;
inline constexpr RRType TXT = 16;
inline constexpr RRType AAAA = 28;
inline constexpr RRType SRV = 33;
inline constexpr RRType DNAME = 39;
inline constexpr RRType SPF = 99;
inline constexpr RRType DS = 43;
inline constexpr RRType RRSIG = 46;
inline constexpr RRType NSEC = 47;
inline constexpr RRType DNSKEY = 48;
inline constexpr RRType NSEC3 = 50;
inline constexpr RRType NSEC3PARAM = 51;
inline constexpr RRType TLSA = 52;
inline constexpr RRType CDS = 59;
inline constexpr RRType CDNSKEY = 60;
inline constexpr RRType CAA = 257;
}  // namespace rrtype

namespace rrclass {
inline constexpr RRClass IN = 1;
inline constexpr RRClass CH = 3;
inline constexpr RRClass HS = 4;
}  // namespace rrclass

// "MX", or "TYPE65280" for a type without a mnemonic (RFC 3597 §5).
std::string type_name(RRType type);

// "IN", or "CLASS32" for a class without a mnemonic (RFC 3597 §5).
std::string class_name(RRClass rclass);

// Case-insensitive mnemonic or TYPEnnn / CLASSnnn.
std::optional<RRType> type_from_name(std::string_view text);
std::optional<RRClass> class_from_name(std::string_view text);

}  // namespace dnslint
