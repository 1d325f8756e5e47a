// mx-duplicate-preference: two exchanges at one preference leave senders no primary and no
// backup order (RFC 5321 §5.1 tries lower preferences first). Exact duplicates are
// duplicate-record's finding.
#include <fmt/format.h>

#include <map>

#include "rules/common.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  for_each_rrset(model, rrtype::MX, [&](const Zone& zone, NameId, std::span<const std::uint32_t> set) {
    std::map<std::int64_t, const Record*> first_at;
    for (std::uint32_t index : set) {
      const Record& record = zone.records[index];
      const auto& mx = std::get<MxData>(record.rdata);
      if (is_null_mx(model, mx)) continue;
      auto [it, inserted] = first_at.emplace(mx.preference, &record);
      if (inserted) continue;
      const auto& first = std::get<MxData>(it->second->rdata);
      if (first.exchange.name == mx.exchange.name) continue;
      Finding& finding = reporter.report(
          zone, record,
          fmt::format("MX preference {} is shared with {} ({}); give the backup a higher number",
                      mx.preference, model.name(first.exchange.name),
                      where(model, it->second->location, record.location)));
      finding.related.push_back(
          {it->second->location, fmt::format("first MX with preference {} here", mx.preference)});
    }
  });
}

}  // namespace

Rule mx_duplicate_preference_rule() {
  return {"mx-duplicate-preference", "two MX records at one owner share a preference",
          Severity::warning, "RFC 5321 §5.1", {}, check};
}

}  // namespace dnslint
