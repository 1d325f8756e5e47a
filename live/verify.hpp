// `dnslint verify`: the live checks over the loaded zones. They ask the network through one
// interface (live/network.hpp) and report through the same findings as the rules, each under
// its rule's id (rules/ holds their metadata, marked live).
#pragma once

#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "live/network.hpp"
#include "model/finding_log.hpp"
#include "model/model.hpp"
#include "rules/rule.hpp"

namespace dnslint::live {

struct VerifySettings {
  // --server NAME=ADDRESS[:PORT]: the servers to check every zone on, instead of each zone's
  // NS set resolved. NAME is how reports name the server.
  std::vector<std::pair<std::string, Endpoint>> servers;
  // --smtp: also talk SMTP to every address of every mail exchange, on this port.
  bool smtp = false;
  std::uint16_t smtp_port = 25;
  // The port MTA-STS policies are fetched from (RFC 8461 §3.3: HTTPS, 443).
  std::uint16_t https_port = 443;
  // Told what the run is doing, phase by phase ("asking 4 servers about 10000 RRsets"); may be
  // empty.
  std::function<void(std::string_view)> progress;
};

// The resolver answers nothing, so no live check can be made (exit status 2).
class ResolverUnavailable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A live rule with the options it runs with, and whether it is on.
struct LiveRule {
  const Rule* rule;
  const RuleOptions* options;
  bool enabled;
};
using LiveRules = std::vector<LiveRule>;

// One finding log per enabled rule of `rules`, in its order. Throws ResolverUnavailable.
std::vector<FindingLog> verify_model(const Model& model, Network& network,
                                     const VerifySettings& settings, const LiveRules& rules);

}  // namespace dnslint::live
