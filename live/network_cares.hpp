// The network itself: DNS questions through c-ares (asynchronous, many in flight, a port per
// server, TCP after a truncated answer), zone transfers through ldns. docs/architecture.md says
// why these two.
#pragma once

#include <memory>

#include "live/network.hpp"

namespace dnslint::live {

// `resolver` answers the questions asked of the resolver (Asked::resolver).
std::unique_ptr<Network> make_network(const Endpoint& resolver, const Limits& limits);

// The first name server of /etc/resolv.conf (RFC-less, but what every stub resolver reads),
// or nullopt.
std::optional<Endpoint> system_resolver();

}  // namespace dnslint::live
