#include "rules/mx_exchange_hosts.hpp"

#include <algorithm>

#include "model/id_map.hpp"
#include "rules/common.hpp"

namespace dnslint {

std::vector<ExchangeHost> exchange_hosts(const Model& model, const Zone& zone,
                                         std::span<const std::uint32_t> set) {
  std::vector<ExchangeHost> hosts;
  IdSet seen;  // a set, not a scan of `hosts`: one owner may have 100,000 exchanges
  for (std::uint32_t index : set) {
    const Record& record = zone.records[index];
    const auto& mx = std::get<MxData>(record.rdata);
    if (is_null_mx(model, mx)) return {};
    if (!seen.insert(mx.exchange.name)) continue;
    ExchangeHost host;
    host.mx = &record;
    const Resolution resolution = resolve(model, mx.exchange.name, &zone);
    host.final_name = resolution.final_name;
    for (const Record* address : resolution.addresses) {
      if (const auto* a = std::get_if<AData>(&address->rdata)) {
        const std::uint32_t v = a->address;
        const char octets[4] = {static_cast<char>(v >> 24), static_cast<char>(v >> 16),
                                static_cast<char>(v >> 8), static_cast<char>(v)};
        host.addresses.emplace(octets, 4);
      } else if (const auto* aaaa = std::get_if<AaaaData>(&address->rdata)) {
        host.addresses.emplace(reinterpret_cast<const char*>(aaaa->address.data()), 16);
      }
    }
    host.addresses_known = resolution.authoritative() && !host.addresses.empty();
    hosts.push_back(std::move(host));
  }
  if (hosts.size() < 2) return {};
  return hosts;
}

}  // namespace dnslint
