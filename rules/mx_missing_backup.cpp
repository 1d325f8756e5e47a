// mx-missing-backup: with a single exchange, mail waits in senders' queues (and bounces after
// days) whenever that host is down; a second exchange at a higher preference takes over
// (RFC 5321 §5.1). The major providers that publish one highly available name (or names that
// are each highly available) are exempt by default; the list is an option.
#include <fmt/format.h>

#include <algorithm>

#include "model/ascii.hpp"
#include "rules/common.hpp"
#include "rules/mail_providers.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

void check(const Model& model, const RuleOptions& options, Reporter& reporter) {
  const auto minimum =
      static_cast<std::size_t>(std::max<std::int64_t>(1, options.integer("minimum")));
  const NamePatterns exempt(options.strings("exempt"));
  std::vector<NameId> exchanges;
  for_each_rrset(
      model, rrtype::MX, [&](const Zone& zone, NameId owner, std::span<const std::uint32_t> set) {
        exchanges.clear();
        for (std::uint32_t index : set) {
          const auto& mx = std::get<MxData>(zone.records[index].rdata);
          // A null MX says "no mail": there is nothing to back up (null-mx-mixed covers mixing).
          if (is_null_mx(model, mx)) return;
          if (exempt.matches(model.name(mx.exchange.name))) return;
          exchanges.push_back(mx.exchange.name);
        }
        std::sort(exchanges.begin(), exchanges.end());
        exchanges.erase(std::unique(exchanges.begin(), exchanges.end()), exchanges.end());
        if (exchanges.size() >= minimum) return;
        const Record& first = zone.records[set.front()];
        reporter.report(
            zone, first,
            exchanges.size() == 1
                ? fmt::format("{} has a single mail exchange ({}); add a backup MX with a "
                              "higher preference",
                              model.name(owner),
                              model.name(std::get<MxData>(first.rdata).exchange.name))
                : fmt::format("{} has {} mail exchanges; at least {} are required",
                              model.name(owner), exchanges.size(), minimum));
      });
}

}  // namespace

Rule mx_missing_backup_rule() {
  return {"mx-missing-backup",
          "an owner has fewer mail exchanges than required (two, by default)",
          Severity::warning,
          "RFC 5321 §5.1",
          {{"minimum", OptionType::integer, std::int64_t{2},
            "fewest distinct exchanges an owner must have", 1, 100},
           {"exempt", OptionType::string_list,
            hosted_mail_patterns(HostedMailService::Published::one_name),
            "exchanges that are highly available on their own; an MX set that uses one is not "
            "reported ('*.' matches every name below, a '*' label any one label)"}},
          check};
}

}  // namespace dnslint
