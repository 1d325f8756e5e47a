#include "model/rrtype.hpp"

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <utility>

#include "model/ascii.hpp"

namespace dnslint {
namespace {

// IANA "Resource Record (RR) TYPEs" registry, the assigned data types.
constexpr std::array<std::pair<RRType, std::string_view>, 88> kTypes{{
    {1, "A"},        {2, "NS"},      {3, "MD"},        {4, "MF"},          {5, "CNAME"},
    {6, "SOA"},      {7, "MB"},      {8, "MG"},        {9, "MR"},          {10, "NULL"},
    {11, "WKS"},     {12, "PTR"},    {13, "HINFO"},    {14, "MINFO"},      {15, "MX"},
    {16, "TXT"},     {17, "RP"},     {18, "AFSDB"},    {19, "X25"},        {20, "ISDN"},
    {21, "RT"},      {22, "NSAP"},   {23, "NSAP-PTR"}, {24, "SIG"},        {25, "KEY"},
    {26, "PX"},      {27, "GPOS"},   {28, "AAAA"},     {29, "LOC"},        {30, "NXT"},
    {31, "EID"},     {32, "NIMLOC"}, {33, "SRV"},      {34, "ATMA"},       {35, "NAPTR"},
    {36, "KX"},      {37, "CERT"},   {38, "A6"},       {39, "DNAME"},      {40, "SINK"},
    {42, "APL"},     {43, "DS"},     {44, "SSHFP"},    {45, "IPSECKEY"},   {46, "RRSIG"},
    {47, "NSEC"},    {48, "DNSKEY"}, {49, "DHCID"},    {50, "NSEC3"},      {51, "NSEC3PARAM"},
    {52, "TLSA"},    {53, "SMIMEA"}, {55, "HIP"},      {56, "NINFO"},      {57, "RKEY"},
    {58, "TALINK"},  {59, "CDS"},    {60, "CDNSKEY"},  {61, "OPENPGPKEY"}, {62, "CSYNC"},
    {63, "ZONEMD"},  {64, "SVCB"},   {65, "HTTPS"},    {66, "DSYNC"},      {67, "HHIT"},
    {68, "BRID"},    {99, "SPF"},    {100, "UINFO"},   {101, "UID"},       {102, "GID"},
    {103, "UNSPEC"}, {104, "NID"},   {105, "L32"},     {106, "L64"},       {107, "LP"},
    {108, "EUI48"},  {109, "EUI64"}, {249, "TKEY"},    {250, "TSIG"},      {256, "URI"},
    {257, "CAA"},    {258, "AVC"},   {259, "DOA"},     {260, "AMTRELAY"},  {261, "RESINFO"},
    {262, "WALLET"}, {32768, "TA"},  {32769, "DLV"},
}};

// "TYPE123" / "CLASS3" (RFC 3597 §5): the number after `prefix`, 0..65535.
std::optional<std::uint16_t> generic_number(std::string_view text, std::string_view prefix) {
  if (text.size() <= prefix.size() ||
      !equals_ignoring_case(text.substr(0, prefix.size()), prefix)) {
    return std::nullopt;
  }
  const std::string_view digits = text.substr(prefix.size());
  unsigned value = 0;
  auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc() || ptr != digits.data() + digits.size() || value > 0xffff) {
    return std::nullopt;
  }
  return static_cast<std::uint16_t>(value);
}

}  // namespace

std::string type_name(RRType type) {
  for (const auto& [number, name] : kTypes) {
    if (number == type) return std::string(name);
  }
  return fmt::format("TYPE{}", type);
}

std::optional<RRType> type_from_name(std::string_view text) {
  // The types nearly every zone is made of, before the whole registry.
  constexpr std::pair<RRType, std::string_view> kCommon[] = {
      {rrtype::A, "A"},     {rrtype::AAAA, "AAAA"}, {rrtype::CNAME, "CNAME"}, {rrtype::MX, "MX"},
      {rrtype::TXT, "TXT"}, {rrtype::NS, "NS"},     {rrtype::SRV, "SRV"},     {rrtype::PTR, "PTR"}};
  for (const auto& [number, name] : kCommon) {
    if (equals_ignoring_case(text, name)) return number;
  }
  for (const auto& [number, name] : kTypes) {
    if (equals_ignoring_case(text, name)) return number;
  }
  return generic_number(text, "TYPE");
}

std::string class_name(RRClass rclass) {
  switch (rclass) {
    case rrclass::IN:
      return "IN";
    case 2:
      return "CS";
    case rrclass::CH:
      return "CH";
    case rrclass::HS:
      return "HS";
    default:
      return fmt::format("CLASS{}", rclass);
  }
}

std::optional<RRClass> class_from_name(std::string_view text) {
  if (equals_ignoring_case(text, "IN")) return rrclass::IN;
  if (equals_ignoring_case(text, "CS")) return RRClass{2};
  if (equals_ignoring_case(text, "CH")) return rrclass::CH;
  if (equals_ignoring_case(text, "HS")) return rrclass::HS;
  return generic_number(text, "CLASS");
}

}  // namespace dnslint
