// mx-address-not-public: an MX exchange of a zone published on the Internet whose address is
// loopback, private, link-local, shared, documentation, multicast or otherwise reserved (RFC
// 6890's special-purpose registries). Senders on the Internet either cannot reach such an
// address or must not use it (RFC 5321 §5.1 delivers to the exchange's address; a private
// address sends mail to whatever host has it in the sender's own network). Usually a record
// copied from an internal view, or a placeholder left in. A warning: a zone served only
// inside (split horizon) may mean it.
#include <fmt/format.h>

#include <array>

#include "model/ascii.hpp"
#include "model/top_level_domains.hpp"
#include "rules/common.hpp"
#include "rules/mx_exchange_hosts.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

struct Range {
  std::array<std::uint8_t, 16> prefix;  // IPv4 ranges use the first four octets
  int length;                           // in bits
  std::string_view what;
};

// RFC 6890 §2.2.2 and the IANA IPv4 Special-Purpose Address Registry.
constexpr std::array<Range, 14> kIpv4{{
    {{0}, 8, "an address of \"this network\" (RFC 1122 §3.2.1.3)"},
    {{10}, 8, "a private address (RFC 1918)"},
    {{100, 64}, 10, "a shared address of carrier-grade NAT (RFC 6598)"},
    {{127}, 8, "a loopback address (RFC 1122 §3.2.1.3)"},
    {{169, 254}, 16, "a link-local address (RFC 3927)"},
    {{172, 16}, 12, "a private address (RFC 1918)"},
    {{192, 0, 0}, 24, "an IETF protocol assignment (RFC 6890)"},
    {{192, 0, 2}, 24, "a documentation address (RFC 5737)"},
    {{192, 168}, 16, "a private address (RFC 1918)"},
    {{198, 18}, 15, "a benchmarking address (RFC 2544)"},
    {{198, 51, 100}, 24, "a documentation address (RFC 5737)"},
    {{203, 0, 113}, 24, "a documentation address (RFC 5737)"},
    {{224}, 4, "a multicast address (RFC 5771)"},
    {{240}, 4, "a reserved address (RFC 1112 §4)"},
}};

// RFC 6890 §2.2.3 and the IANA IPv6 Special-Purpose Address Registry.
constexpr std::array<Range, 9> kIpv6{{
    {{}, 128, "the unspecified address (RFC 4291 §2.5.2)"},
    {{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}, 128, "the loopback address (RFC 4291)"},
    {{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff}, 96, "an IPv4-mapped address (RFC 4291)"},
    {{0x00, 0x64, 0xff, 0x9b, 0x00, 0x01}, 48, "a local-use translation address (RFC 8215)"},
    {{0x01, 0x00}, 64, "a discard-only address (RFC 6666)"},
    {{0x20, 0x01, 0x0d, 0xb8}, 32, "a documentation address (RFC 3849)"},
    {{0xfc}, 7, "a unique local address (RFC 4193)"},
    {{0xfe, 0x80}, 10, "a link-local address (RFC 4291)"},
    {{0xff}, 8, "a multicast address (RFC 4291)"},
}};

bool in_range(const std::uint8_t* octets, const Range& range) {
  for (int bit = 0; bit < range.length; ++bit) {
    const int octet = bit / 8;
    const int mask = 0x80 >> (bit % 8);
    if ((octets[octet] & mask) != (range.prefix[static_cast<std::size_t>(octet)] & mask))
      return false;
  }
  return true;
}

template <std::size_t N>
std::string_view special_purpose(const std::uint8_t* octets, const std::array<Range, N>& ranges) {
  for (const Range& range : ranges) {
    if (in_range(octets, range)) return range.what;
  }
  return {};
}

// A zone published on the Internet: its name ends in a top-level domain that exists, and it is
// not one of the names set aside for examples and tests (RFC 2606, RFC 6761) or reverse
// mapping (.arpa).
bool is_public_zone(std::string_view origin) {
  if (origin.size() < 2) return false;
  for (std::string_view reserved : {"example.com.", "example.net.", "example.org."}) {
    if (ends_with_ignoring_case(origin, reserved) &&
        (origin.size() == reserved.size() || origin[origin.size() - reserved.size() - 1] == '.'))
      return false;
  }
  std::string_view top = origin.substr(0, origin.size() - 1);
  top = top.substr(top.rfind('.') + 1);
  const std::string lower = to_ascii_lower(top);
  return lower != "arpa" && is_top_level_domain(lower);
}

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  for_each_mx(model, [&](const Zone& zone, const Record& record, const MxData& mx) {
    if (!zone.origin_known || !is_public_zone(model.name(zone.origin))) return;
    if (is_null_mx(model, mx)) return;
    const Resolution resolution = resolve(model, mx.exchange.name, &zone);
    if (!resolution.authoritative()) return;
    for (std::uint32_t index : resolution.final_records) {
      const Record& address = resolution.final_record(index);
      const auto raw = raw_address_of(address);
      if (!raw) continue;
      const std::string_view what = raw->size == 4 ? special_purpose(raw->octets.data(), kIpv4)
                                                   : special_purpose(raw->octets.data(), kIpv6);
      if (what.empty()) continue;
      OpenFinding& finding = reporter.report(
          zone, record,
          fmt::format("MX exchange {} of {} resolves to {}, {}: senders on the Internet cannot "
                      "deliver mail there (if the zone is served only inside a network, "
                      "suppress the rule for it)",
                      model.name(mx.exchange.name), model.name(record.owner),
                      presentation_text(model.names, address), what));
      reporter.relate(finding, address.location, "the address");
    }
  });
}

}  // namespace

Rule mx_address_not_public_rule() {
  return {"mx-address-not-public",
          "MX exchange of a public zone resolves to a loopback, private or reserved address",
          Severity::warning,
          "RFC 6890, RFC 5321 §5.1",
          {},
          check};
}

}  // namespace dnslint
