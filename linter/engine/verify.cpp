// `dnslint verify`'s part of the engine: the network the live checks ask (the real one, a
// recording of it, or a replay), and their findings.
#include <fmt/format.h>

#include <algorithm>

#include "linter/engine/engine.hpp"
#include "linter/inputs/files.hpp"
#include "live/network_cares.hpp"
#include "live/recording.hpp"

namespace dnslint {

std::vector<FindingLog> verify_zones(const Model& model, const LintRequest& request,
                                     const std::vector<const Rule*>& rules) {
  const VerifyRequest& verify = *request.verify;
  // Every live rule's options (mx-blocklisted's lists serve blocklist-unusable too); the
  // enabled ones report.
  live::LiveRules live_rules;
  for (const Rule& rule : all_rules()) {
    if (!rule.live) continue;
    const bool enabled = std::find(rules.begin(), rules.end(), &rule) != rules.end();
    live_rules.push_back({&rule, &request.rules.at(rule.id).options, enabled});
  }
  try {
    if (verify.replay) {
      auto network = live::replay_file(*verify.replay);
      return live::verify_model(model, *network, verify.settings, live_rules);
    }
    const auto resolver = verify.resolver ? verify.resolver : live::system_resolver();
    if (!resolver) {
      throw InputError(
          "no resolver: /etc/resolv.conf names no name server; give one with --resolver "
          "ADDRESS[:PORT]");
    }
    auto network = live::make_network(*resolver, verify.limits);
    if (!verify.record) return live::verify_model(model, *network, verify.settings, live_rules);
    live::RecordingNetwork recording(std::move(network), *verify.record);
    auto logs = live::verify_model(model, recording, verify.settings, live_rules);
    recording.save();
    return logs;
  } catch (const live::RecordingError& error) {
    throw InputError(error.what());
  } catch (const live::NetworkError& error) {
    throw InputError(error.what());
  } catch (const live::ResolverUnavailable& error) {
    throw InputError(error.what());
  }
}

}  // namespace dnslint
