// mx-target-no-address: an exchange inside a loaded zone must have A or AAAA records, or
// senders cannot deliver (RFC 5321 §5.1). Names below a zone cut are not ours to judge.
#include <fmt/format.h>

#include <set>

#include "rules/common.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

std::string held_types(const Resolution& resolution) {
  std::set<std::string> names;
  for (std::uint32_t index : resolution.final_records) {
    names.insert(type_name(resolution.final_record(index).type));
  }
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  for_each_mx(model, [&](const Zone& zone, const Record& record, const MxData& mx) {
    if (is_null_mx(model, mx)) return;
    const Resolution resolution = resolve(model, mx.exchange.name, &zone, 0);
    // Aliases are mx-target-cname's finding; names outside loaded data are unknown.
    if (!resolution.aliases.empty() || !resolution.authoritative()) return;
    if (resolution.has_addresses()) return;
    const std::string_view exchange = model.name(mx.exchange.name);
    std::string message;
    const bool holds_other = !resolution.final_records.empty();
    if (holds_other) {
      message = fmt::format("MX exchange {} has no A or AAAA record (it has only {})", exchange,
                            held_types(resolution));
    } else if (resolution.zone->name_exists(resolution.final_name)) {
      message = fmt::format("MX exchange {} has no records of its own (only names below it do)",
                            exchange);
    } else {
      message = fmt::format("MX exchange {} does not exist in zone {}", exchange,
                            model.zone_name(*resolution.zone));
    }
    OpenFinding& finding =
        report_absence(model, reporter, zone, record, *resolution.zone, std::move(message),
                       fmt::format("MX exchange {} has no A or AAAA record", exchange));
    if (holds_other) {
      reporter.relate(finding, resolution.final_record(resolution.final_records.front()).location,
                      "exchange defined here");
    }
  });
}

}  // namespace

Rule mx_target_no_address_rule() {
  return {"mx-target-no-address",
          "MX exchange in a loaded zone has no A or AAAA record",
          Severity::error,
          "RFC 5321 §5.1",
          {},
          check};
}

}  // namespace dnslint
