// mx-backup-same-network: exchanges that all sit in one IPv4 /24 and one IPv6 /48 share a
// network and usually a site; one outage takes every one of them down (RFC 2182 §3.1 gives
// the same advice for name servers).
#include <fmt/format.h>

#include <algorithm>

#include "rules/common.hpp"
#include "rules/mx_exchange_hosts.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

// The network prefix of a raw address: the first 3 octets of IPv4 (/24), 6 of IPv6 (/48).
std::string prefix_of(const std::string& address) {
  return address.substr(0, address.size() == 4 ? 3 : 6);
}

std::string describe(const std::string& prefix) {
  if (prefix.size() == 3) {
    return fmt::format("{}.{}.{}.0/24", static_cast<unsigned char>(prefix[0]),
                       static_cast<unsigned char>(prefix[1]),
                       static_cast<unsigned char>(prefix[2]));
  }
  std::string out;
  for (std::size_t i = 0; i < 6; i += 2) {
    out += fmt::format("{:x}:", (static_cast<unsigned char>(prefix[i]) << 8) |
                                    static_cast<unsigned char>(prefix[i + 1]));
  }
  return out + ":/48";
}

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  for_each_rrset(
      model, rrtype::MX, [&](const Zone& zone, NameId owner, std::span<const std::uint32_t> set) {
        const auto hosts = exchange_hosts(model, zone, set);
        if (hosts.empty()) return;
        if (!std::all_of(hosts.begin(), hosts.end(),
                         [](const ExchangeHost& h) { return h.addresses_known; })) {
          return;
        }
        // Identical hosts are mx-backup-same-host's finding.
        if (std::all_of(hosts.begin(), hosts.end(), [&](const ExchangeHost& h) {
              return h.addresses == hosts.front().addresses;
            })) {
          return;
        }
        std::set<std::string> prefixes4;
        std::set<std::string> prefixes6;
        for (const auto& host : hosts) {
          for (const auto& address : host.addresses) {
            (address.size() == 4 ? prefixes4 : prefixes6).insert(prefix_of(address));
          }
        }
        if (prefixes4.size() > 1 || prefixes6.size() > 1) return;
        std::string networks;
        for (const auto& prefix : prefixes4) networks += describe(prefix);
        for (const auto& prefix : prefixes6)
          networks += (networks.empty() ? "" : " and ") + describe(prefix);
        Finding& finding = reporter.report(
            zone, *hosts.front().mx,
            fmt::format("all {} mail exchanges of {} are in {}; one network outage stops all mail",
                        hosts.size(), model.name(owner), networks));
        for (std::size_t i = 1; i < hosts.size(); ++i) {
          finding.related.push_back({hosts[i].mx->location, "exchange in the same network"});
        }
      });
}

}  // namespace

Rule mx_backup_same_network_rule() {
  return {"mx-backup-same-network",
          "all mail exchanges share one IPv4 /24 and IPv6 /48",
          Severity::note,
          "RFC 2182 §3.1",
          {},
          check};
}

}  // namespace dnslint
