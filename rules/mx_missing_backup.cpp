// mx-missing-backup: with a single exchange, mail waits in senders' queues (and bounces after
// days) whenever that host is down; a second exchange at a higher preference takes over
// (RFC 5321 §5.1). Providers that publish one highly available name can be exempted.
#include <fmt/format.h>

#include <algorithm>

#include "model/ascii.hpp"
#include "rules/common.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

std::string normalized(std::string_view pattern) {
  std::string out = to_ascii_lower(pattern);
  if (out.empty() || out.back() != '.') out.push_back('.');
  return out;
}

// "name." matches itself; "*.suffix." matches every name strictly below suffix. The patterns
// are normalized.
bool is_exempt(std::string_view exchange, const std::vector<std::string>& patterns) {
  for (const auto& pattern : patterns) {
    if (pattern.starts_with("*.")) {
      const std::string_view suffix = std::string_view(pattern).substr(2);
      if (exchange != suffix && is_at_or_below(exchange, suffix)) return true;
    } else if (exchange == pattern) {
      return true;
    }
  }
  return false;
}

void check(const Model& model, const RuleOptions& options, Reporter& reporter) {
  const auto minimum =
      static_cast<std::size_t>(std::max<std::int64_t>(1, options.integer("minimum")));
  std::vector<std::string> exempt;
  for (const auto& pattern : options.strings("exempt")) exempt.push_back(normalized(pattern));
  std::vector<NameId> exchanges;
  for_each_rrset(
      model, rrtype::MX, [&](const Zone& zone, NameId owner, std::span<const std::uint32_t> set) {
        exchanges.clear();
        for (std::uint32_t index : set) {
          const auto& mx = std::get<MxData>(zone.records[index].rdata);
          // A null MX says "no mail": there is nothing to back up (null-mx-mixed covers mixing).
          if (is_null_mx(model, mx)) return;
          if (is_exempt(model.name(mx.exchange.name), exempt)) return;
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
          "an owner has fewer mail exchanges than required (one, by default)",
          Severity::warning,
          "RFC 5321 §5.1",
          {{"minimum", OptionType::integer, std::int64_t{2},
            "fewest distinct exchanges an owner must have"},
           {"exempt", OptionType::string_list,
            std::vector<std::string>{"smtp.google.com.", "*.mail.protection.outlook.com."},
            "exchanges that are highly available on their own; an MX set that uses one is not "
            "reported ('*.' matches every name below)"}},
          check};
}

}  // namespace dnslint
