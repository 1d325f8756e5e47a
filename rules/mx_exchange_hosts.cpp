#include "rules/mx_exchange_hosts.hpp"

#include <algorithm>

#include "model/id_map.hpp"
#include "rules/common.hpp"

namespace dnslint {
namespace {

std::vector<RawAddress> addresses_of(const Resolution& resolution) {
  std::vector<RawAddress> addresses;
  for (std::uint32_t index : resolution.final_records) {
    if (const auto address = raw_address_of(resolution.final_record(index)))
      addresses.push_back(*address);
  }
  std::sort(addresses.begin(), addresses.end());
  addresses.erase(std::unique(addresses.begin(), addresses.end()), addresses.end());
  return addresses;
}

}  // namespace

std::optional<RawAddress> raw_address_of(const Record& record) {
  RawAddress address;
  if (const auto* a = std::get_if<AData>(&record.rdata)) {
    address.size = 4;
    for (int i = 0; i < 4; ++i) {
      address.octets[static_cast<std::size_t>(i)] =
          static_cast<std::uint8_t>(a->address >> (24 - 8 * i));
    }
    return address;
  }
  if (const auto* aaaa = std::get_if<AaaaData>(&record.rdata)) {
    address.size = 16;
    address.octets = aaaa->address;
    return address;
  }
  return std::nullopt;
}

std::vector<ExchangeHost> exchange_hosts(const Model& model, const Zone& zone,
                                         std::span<const std::uint32_t> set,
                                         const MayReport& may_report) {
  std::vector<ExchangeHost> hosts;
  // Repeated exchanges are found by scanning `hosts` while it is short and with a set beyond
  // that: one owner may have 100,000 exchanges, most have two.
  constexpr std::size_t kScanLimit = 16;
  IdSet seen;
  for (std::uint32_t index : set) {
    const Record& record = zone.records[index];
    const auto& mx = std::get<MxData>(record.rdata);
    if (is_null_mx(model, mx)) return {};
    const NameId exchange = mx.exchange.name;
    if (hosts.size() < kScanLimit) {
      if (std::any_of(hosts.begin(), hosts.end(), [&](const ExchangeHost& host) {
            return std::get<MxData>(host.mx->rdata).exchange.name == exchange;
          })) {
        continue;
      }
    } else {
      if (seen.empty()) {
        for (const ExchangeHost& host : hosts) {
          seen.insert(std::get<MxData>(host.mx->rdata).exchange.name);
        }
      }
      if (!seen.insert(exchange)) continue;
    }
    ExchangeHost host;
    host.mx = &record;
    const Resolution resolution = resolve(model, exchange, &zone);
    host.final_name = resolution.final_name;
    host.addresses = addresses_of(resolution);
    host.addresses_known = resolution.authoritative() && !host.addresses.empty();
    if (!may_report(hosts.empty() ? host : hosts.front(), host)) return {};
    hosts.push_back(std::move(host));
  }
  if (hosts.size() < 2) return {};
  return hosts;
}

}  // namespace dnslint
