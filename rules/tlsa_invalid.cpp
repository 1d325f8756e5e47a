// tlsa-invalid: a TLSA record clients cannot use (RFC 6698 §2.1, §4.1): a certificate usage,
// selector or matching type that is not assigned (clients treat the record as unusable), or
// associated data whose length does not fit its matching type (SHA-256: 32 octets, SHA-512:
// 64). On SMTP (_25._tcp) the PKIX usages 0 and 1 are unusable too (RFC 7672 §3.1.3), a case
// one step milder: the record is ignored rather than wrong.
#include <fmt/format.h>

#include "rules/common.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

constexpr std::uint8_t kPrivateUse = 255;

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  for_each_record(model, rrtype::TLSA, [&](const Zone& zone, const Record& record) {
    const auto* generic = std::get_if<GenericData>(&record.rdata);
    if (generic == nullptr) return;
    const std::string_view wire = generic->wire.view();
    if (wire.size() < 3) return;  // the reader reports rdata it cannot read
    const auto usage = static_cast<std::uint8_t>(wire[0]);
    const auto selector = static_cast<std::uint8_t>(wire[1]);
    const auto matching = static_cast<std::uint8_t>(wire[2]);
    const std::size_t data = wire.size() - 3;
    std::vector<std::string> problems;
    if (usage > 3 && usage != kPrivateUse)
      problems.push_back(fmt::format("certificate usage {} is not assigned (0-3)", usage));
    if (selector > 1 && selector != kPrivateUse)
      problems.push_back(fmt::format("selector {} is not assigned (0 or 1)", selector));
    if (matching > 2 && matching != kPrivateUse)
      problems.push_back(fmt::format("matching type {} is not assigned (0-2)", matching));
    if (matching == 1 && data != 32)
      problems.push_back(fmt::format("a SHA-256 digest is 32 octets, this one {}", data));
    if (matching == 2 && data != 64)
      problems.push_back(fmt::format("a SHA-512 digest is 64 octets, this one {}", data));
    if (matching == 0 && data == 0) problems.push_back("the associated data is empty");
    for (const std::string& problem : problems) {
      reporter.report(zone, record,
                      fmt::format("TLSA {}: {}; clients treat the record as unusable",
                                  model.name(record.owner), problem));
    }
    const std::string_view owner = model.name(record.owner);
    if (problems.empty() && (usage == 0 || usage == 1) && owner.starts_with("_25._tcp.")) {
      OpenFinding& finding = reporter.report(
          zone, record,
          fmt::format("TLSA {} uses certificate usage {} (PKIX-{}), which SMTP clients treat as "
                      "unusable (RFC 7672 §3.1.3): use 3 (DANE-EE) or 2 (DANE-TA)",
                      owner, usage, usage == 0 ? "TA" : "EE"));
      reporter.make_milder(finding);
    }
  });
}

}  // namespace

Rule tlsa_invalid_rule() {
  return {"tlsa-invalid",
          "TLSA record with unassigned fields or a digest of the wrong length",
          Severity::error,
          "RFC 6698 §2.1, RFC 7672 §3.1.3",
          {},
          check};
}

}  // namespace dnslint
