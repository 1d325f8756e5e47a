// Where the exchanges of one MX RRset lead, shared by mx-backup-same-host and
// mx-backup-same-network.
#pragma once

#include <set>
#include <span>
#include <string>
#include <vector>

#include "model/lookup.hpp"
#include "model/model.hpp"

namespace dnslint {

struct ExchangeHost {
  const Record* mx = nullptr;
  NameId final_name = kNoName;      // after following aliases
  std::set<std::string> addresses;  // 4 or 16 raw octets each
  bool addresses_known = false;     // resolved authoritatively to at least one address
};

// One entry per distinct exchange of a non-null MX RRset, in source order; empty when the set
// has a null MX or fewer than two distinct exchanges.
std::vector<ExchangeHost> exchange_hosts(const Model& model, const Zone& zone,
                                         std::span<const std::uint32_t> set);

}  // namespace dnslint
