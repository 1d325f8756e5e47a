// mx-backup-same-network: exchanges that all sit in one IPv4 /24 and one IPv6 /48 share a
// network and usually a site; one outage takes every one of them down (RFC 2182 §3.1 gives
// the same advice for name servers).
#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "rules/common.hpp"
#include "rules/mx_exchange_hosts.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

// The network of an address: its first 3 octets for IPv4 (/24), 6 for IPv6 (/48).
RawAddress network_of(const RawAddress& address) {
  RawAddress network;
  network.size = address.size;
  const std::size_t kept = address.size == 4 ? 3 : 6;
  std::copy_n(address.octets.begin(), kept, network.octets.begin());
  return network;
}

std::string describe(const RawAddress& network) {
  const auto& o = network.octets;
  if (network.size == 4) return fmt::format("{}.{}.{}.0/24", o[0], o[1], o[2]);
  return fmt::format("{:x}:{:x}:{:x}::/48", o[0] << 8 | o[1], o[2] << 8 | o[3], o[4] << 8 | o[5]);
}

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  for_each_rrset(
      model, rrtype::MX, [&](const Zone& zone, NameId owner, std::span<const std::uint32_t> set) {
        const auto hosts = exchange_hosts(
            model, zone, set,
            [](const ExchangeHost&, const ExchangeHost& host) { return host.addresses_known; });
        if (hosts.empty()) return;
        // Identical hosts are mx-backup-same-host's finding.
        if (std::all_of(hosts.begin(), hosts.end(), [&](const ExchangeHost& h) {
              return h.addresses == hosts.front().addresses;
            })) {
          return;
        }
        // At most one IPv4 and one IPv6 network; the first address of each family decides.
        std::optional<RawAddress> network4;
        std::optional<RawAddress> network6;
        for (const auto& host : hosts) {
          for (const auto& address : host.addresses) {
            auto& network = address.size == 4 ? network4 : network6;
            const RawAddress of_address = network_of(address);
            if (!network) network = of_address;
            if (*network != of_address) return;
          }
        }
        std::string networks;
        if (network4) networks += describe(*network4);
        if (network6) networks += (networks.empty() ? "" : " and ") + describe(*network6);
        OpenFinding& finding = reporter.report(
            zone, *hosts.front().mx,
            fmt::format("all {} mail exchanges of {} are in {}; one network outage stops all mail",
                        hosts.size(), model.name(owner), networks));
        for (std::size_t i = 1; i < hosts.size(); ++i) {
          reporter.relate(finding, hosts[i].mx->location, "exchange in the same network");
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
