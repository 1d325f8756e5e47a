// mx-dane-partial: DANE for SMTP protects a domain's mail only when every MX host publishes
// _25._tcp TLSA records (RFC 7672 §2.2): a sending MTA that finds a host without them delivers
// there with unauthenticated TLS, so an attacker who can steer it to that host defeats DANE for
// the whole domain. Exchanges outside the loaded zones are not judged.
#include <fmt/format.h>

#include <algorithm>

#include "rules/common.hpp"
#include "rules/mail_records.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  // Without a TLSA record in the loaded zones no MX host has DANE, and there is nothing to
  // compare: most runs, and every large zone without DANE, stop here.
  const bool any_tlsa = std::any_of(model.zones.begin(), model.zones.end(), [](const Zone& zone) {
    return zone.rrsets(rrtype::TLSA).size() > 0;
  });
  if (!any_tlsa) return;
  for_each_rrset(
      model, rrtype::MX, [&](const Zone& zone, NameId owner, std::span<const std::uint32_t> set) {
        struct Exchange {
          const Record* record;
          std::string tlsa_name;
          RecordAnswer answer;
        };
        std::vector<Exchange> with;
        std::vector<Exchange> without;
        for (std::uint32_t index : set) {
          const Record& record = zone.records[index];
          const auto& mx = std::get<MxData>(record.rdata);
          if (is_null_mx(model, mx)) return;
          std::string tlsa_name = "_25._tcp." + std::string(model.name(mx.exchange.name));
          RecordAnswer answer = lookup_records(model, tlsa_name, rrtype::TLSA);
          if (answer.zone == nullptr) continue;
          (answer.records.empty() ? without : with)
              .push_back({&record, std::move(tlsa_name), std::move(answer)});
        }
        if (with.empty() || without.empty()) return;
        const Exchange& bare = without.front();
        const std::string what =
            fmt::format("MX host {} of {} has no TLSA records at {}, while {} has",
                        model.name(std::get<MxData>(bare.record->rdata).exchange.name),
                        model.name(owner), bare.tlsa_name, with.front().tlsa_name);
        OpenFinding& finding = report_absence(
            model, reporter, zone, *bare.record, *bare.answer.zone,
            what +
                ": a sender steered to it delivers without DANE, which then protects no mail "
                "of the domain (RFC 7672 §2.2); publish TLSA records for every MX host",
            what);
        reporter.relate(finding, with.front().answer.records.front()->location,
                        "TLSA record of another MX host");
      });
}

}  // namespace

Rule mx_dane_partial_rule() {
  return {"mx-dane-partial",
          "some MX hosts of a domain have DANE TLSA records, others not",
          Severity::warning,
          "RFC 7672 §2.2",
          {},
          check};
}

}  // namespace dnslint
