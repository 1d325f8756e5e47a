// mx-backup-same-host: a backup MX that leads to the same host as the primary (an alias of
// it, or the same addresses) is no backup at all: when that host is down, so is the backup.
#include <fmt/format.h>

#include <algorithm>

#include "rules/common.hpp"
#include "rules/mx_exchange_hosts.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  for_each_rrset(
      model, rrtype::MX, [&](const Zone& zone, NameId owner, std::span<const std::uint32_t> set) {
        bool same_name = true;
        bool same_addresses = true;
        const auto hosts = exchange_hosts(
            model, zone, set, [&](const ExchangeHost& first, const ExchangeHost& host) {
              same_name = same_name && host.final_name == first.final_name;
              same_addresses =
                  same_addresses && host.addresses_known && host.addresses == first.addresses;
              return same_name || same_addresses;
            });
        if (hosts.empty()) return;
        const ExchangeHost& first = hosts.front();
        OpenFinding& finding = reporter.report(
            zone, *first.mx,
            same_name
                ? fmt::format("all {} mail exchanges of {} lead to one host, {}; a backup MX "
                              "must be a different machine",
                              hosts.size(), model.name(owner), model.name(first.final_name))
                : fmt::format("all {} mail exchanges of {} have the same addresses; a backup MX "
                              "must be a different machine",
                              hosts.size(), model.name(owner)));
        for (std::size_t i = 1; i < hosts.size(); ++i) {
          reporter.relate(finding, hosts[i].mx->location, "leads to the same host");
        }
      });
}

}  // namespace

Rule mx_backup_same_host_rule() {
  return {"mx-backup-same-host",
          "every mail exchange of an owner leads to the same host",
          Severity::warning,
          "RFC 5321 §5.1",
          {},
          check};
}

}  // namespace dnslint
