// Where the exchanges of one MX RRset lead, shared by mx-backup-same-host and
// mx-backup-same-network.
#pragma once

#include <array>
#include <compare>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <vector>

#include "model/lookup.hpp"
#include "model/model.hpp"

namespace dnslint {

// An IPv4 or IPv6 address as raw octets.
struct RawAddress {
  std::uint8_t size = 0;  // 4 or 16
  std::array<std::uint8_t, 16> octets{};
  auto operator<=>(const RawAddress&) const = default;
};

// The address an A or AAAA record holds, as octets; nullopt for other records.
std::optional<RawAddress> raw_address_of(const Record& record);

struct ExchangeHost {
  const Record* mx = nullptr;
  NameId final_name = kNoName;        // after following aliases
  std::vector<RawAddress> addresses;  // sorted, without repeats
  bool addresses_known = false;       // resolved authoritatively to at least one address
};

// One entry per distinct exchange of a non-null MX RRset, in source order; empty when the set
// has a null MX or fewer than two distinct exchanges. Also empty as soon as
// `may_report(first, host)`, asked of each host as it is found (the first included), says that
// the rule can no longer report the set: one owner may have 100,000 exchanges, and a rule that
// needs all of them alike can tell from the first that differs.
using MayReport = std::function<bool(const ExchangeHost& first, const ExchangeHost& host)>;
std::vector<ExchangeHost> exchange_hosts(const Model& model, const Zone& zone,
                                         std::span<const std::uint32_t> set,
                                         const MayReport& may_report);

}  // namespace dnslint
