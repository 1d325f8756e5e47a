// mx-exchange-not-allowed: an organisation policy, "our mail goes only to our provider": every
// MX exchange (its absolute name, trailing dot) must match one of the `allow` patterns whole.
// Off until `allow` is configured; null MX records are no exchange and always allowed.
#include <fmt/format.h>

#include "rules/common.hpp"
#include "rules/policy.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

void check(const Model& model, const RuleOptions& options, Reporter& reporter) {
  const auto& texts = options.strings("allow");
  if (texts.empty()) return;
  std::vector<Pattern> allowed(texts.begin(), texts.end());
  const ZoneScope scope(options);
  for_each_mx(model, [&](const Zone& zone, const Record& record, const MxData& mx) {
    if (!scope.covers(model, zone) || is_null_mx(model, mx)) return;
    const std::string_view exchange = model.name(mx.exchange.name);
    for (const Pattern& pattern : allowed) {
      if (pattern.matches_whole(exchange)) return;
    }
    reporter.report(zone, record,
                    fmt::format("MX exchange {} of {} is not among the exchanges the "
                                "organisation allows (rule option 'allow')",
                                exchange, model.name(record.owner)));
  });
}

}  // namespace

Rule mx_exchange_not_allowed_rule() {
  OptionSpec allow{"allow", OptionType::string_list, std::vector<std::string>{},
                   "RE2 patterns; every MX exchange (absolute, with its trailing dot) must "
                   "match one whole"};
  allow.check_item = pattern_problem;
  return {"mx-exchange-not-allowed", "MX exchange outside the organisation's allow-list (policy)",
          Severity::error,           "dnslint policy",
          {allow, zones_option()},   check};
}

}  // namespace dnslint
