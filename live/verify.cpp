#include "live/verify.hpp"

#include <fmt/format.h>

#include "formats/zone/presentation.hpp"
#include "live/checks.hpp"
#include "live/wire.hpp"
#include "model/rrtype.hpp"
#include "rules/mail_records.hpp"

namespace dnslint::live {

LiveRun::LiveRun(const Model& model_, Network& network_, const VerifySettings& settings_,
                 const LiveRules& rules)
    : model(model_), network(network_), settings(settings_) {
  for (const LiveRule& live : rules) {
    options_.emplace(live.rule->id, live.options);
    if (!live.enabled) continue;
    order_.push_back(live.rule->id);
    reporters_.emplace(live.rule->id, Reporter(live.rule->id, model));
  }
}

Reporter* LiveRun::reporter(std::string_view id) {
  const auto found = reporters_.find(id);
  return found == reporters_.end() ? nullptr : &found->second;
}

const RuleOptions& LiveRun::options(std::string_view id) const {
  return *options_.find(id)->second;
}

void LiveRun::progress(std::string_view what) const {
  if (settings.progress) settings.progress(what);
}

std::vector<FindingLog> LiveRun::take() {
  std::vector<FindingLog> logs;
  for (std::string_view id : order_) logs.push_back(reporters_.find(id)->second.take());
  return logs;
}

std::optional<ServedRecord> as_served(const Model& model, const Record& record) {
  if (record.unknown_value() || record.rclass != rrclass::IN) return std::nullopt;
  const std::string text =
      fmt::format("{} {} IN {} {}", model.name(record.owner), record.ttl, type_name(record.type),
                  rdata_presentation(model.names, record));
  return record_from_text(text).record;
}

const Record* zone_anchor(const Zone& zone) {
  if (zone.records.empty()) return nullptr;
  for (RRType type : {rrtype::SOA, rrtype::NS}) {
    const auto set = zone.rrset(zone.origin, type);
    if (!set.empty()) return &zone.records[set.front()];
  }
  const auto apex = zone.records_at(zone.origin);
  return apex.empty() ? &zone.records.front() : &zone.records[apex.front()];
}

namespace {

// Whether any check will ask the resolver: for the NS sets when no --server is given, for the
// mail exchanges, for the hosts of MTA-STS policies, SPF includes and DMARC report
// authorisations.
bool needs_resolver(const LiveRun& run) {
  if (run.settings.servers.empty()) return true;
  for (const Zone& zone : run.model.zones) {
    if (!zone.rrsets(rrtype::MX).empty()) return true;
    for (const auto& set : zone.rrsets(rrtype::TXT)) {
      const Record& record = zone.records[zone.records_of(set).front()];
      const std::string_view owner = run.model.name(record.owner);
      if (owner.starts_with("_mta-sts.") || owner.starts_with("_dmarc.")) return true;
      for (std::uint32_t index : zone.records_of(set))
        if (!zone.records[index].unknown_value() && is_spf(txt_text(zone.records[index])))
          return true;
    }
  }
  return false;
}

}  // namespace

std::vector<FindingLog> verify_model(const Model& model, Network& network,
                                     const VerifySettings& settings, const LiveRules& rules) {
  LiveRun run(model, network, settings, rules);
  if (needs_resolver(run)) {
    // One question first, so that a resolver that is not there stops the run at once with
    // its cause, rather than as thousands of failed questions.
    const Answer probe = network.ask({Question::to_resolver(".", rrtype::NS)}).front();
    if (probe.outcome != Outcome::answered)
      throw ResolverUnavailable(
          fmt::format("the resolver does not answer ({}); name one with --resolver "
                      "ADDRESS[:PORT]",
                      probe.error));
  }
  check_servers(run);
  check_mx_hosts(run);
  check_mta_sts_policies(run);
  check_spf_includes(run);
  check_dmarc_reports(run);
  return run.take();
}

}  // namespace dnslint::live
