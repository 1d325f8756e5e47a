// null-mx-mixed: a null MX ("0 .") says the domain accepts no mail; RFC 7505 §3 forbids any
// other MX beside it, and senders disagree about which one wins.
#include <fmt/format.h>

#include "rules/common.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  for_each_rrset(
      model, rrtype::MX, [&](const Zone& zone, NameId owner, std::span<const std::uint32_t> set) {
        const Record* null_mx = nullptr;
        std::vector<const Record*> others;
        for (std::uint32_t index : set) {
          const Record& record = zone.records[index];
          if (is_null_mx(model, std::get<MxData>(record.rdata))) {
            if (null_mx == nullptr) null_mx = &record;
          } else {
            others.push_back(&record);
          }
        }
        if (null_mx == nullptr || others.empty()) return;
        OpenFinding& finding = reporter.report(
            zone, *null_mx,
            fmt::format(
                "{} has a null MX and {} other MX record{}; a domain that accepts no mail must "
                "publish only the null MX",
                model.name(owner), others.size(), others.size() == 1 ? "" : "s"));
        for (const Record* other : others)
          reporter.relate(finding, other->location, "other MX here");
      });
}

}  // namespace

Rule null_mx_mixed_rule() {
  return {"null-mx-mixed",
          "null MX beside other MX records",
          Severity::error,
          "RFC 7505 §3",
          {},
          check};
}

}  // namespace dnslint
