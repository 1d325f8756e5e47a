// dkim-weak-key: RFC 8301 §3.2: signers must use RSA keys of at least 1024 bits and should use
// 2048; verifiers treat signatures with shorter keys as failing, and 1024-bit keys are within
// reach of factoring. Below 1024 bits is an error, below 2048 one step milder.
#include <fmt/format.h>

#include "model/ascii.hpp"
#include "rules/common.hpp"
#include "rules/dkim_key.hpp"
#include "rules/mail_records.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

constexpr int kMinimumBits = 1024;
constexpr int kRecommendedBits = 2048;

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  for_each_txt_set(
      model, selector_under("_domainkey"),
      [](std::string_view text) { return parse_tag_list(text).find("p") != nullptr; },
      [&](const Zone& zone, NameId owner, std::span<const TxtRecord> records) {
        for (const TxtRecord& record : records) {
          const TagList list = parse_tag_list(record.text);
          const Tag* p = list.find("p");
          const Tag* k = list.find("k");
          const std::string type = k != nullptr ? to_ascii_lower(k->value) : std::string("rsa");
          if (p == nullptr || p->value.empty() || type != "rsa") continue;
          const auto decoded = decode_dkim_key(type, p->value);
          const auto* key = std::get_if<DkimKey>(&decoded);
          if (key == nullptr || key->bits >= kRecommendedBits) continue;  // dkim-syntax's
          const bool broken = key->bits < kMinimumBits;
          OpenFinding& finding = reporter.report(
              zone, *record.record,
              broken ? fmt::format("DKIM key {} is a {}-bit RSA key: verifiers treat signatures "
                                   "with keys under {} bits as failing (RFC 8301 §3.2); publish "
                                   "a {}-bit key",
                                   model.name(owner), key->bits, kMinimumBits, kRecommendedBits)
                     : fmt::format("DKIM key {} is a {}-bit RSA key; RFC 8301 §3.2 asks for {} "
                                   "bits, and {}-bit keys are within reach of factoring",
                                   model.name(owner), key->bits, kRecommendedBits, key->bits));
          reporter.focus(finding, p->text);
          if (!broken) reporter.make_milder(finding);
        }
      });
}

}  // namespace

Rule dkim_weak_key_rule() {
  return reading_txt_records({"dkim-weak-key",
                              "DKIM RSA key shorter than 2048 bits",
                              Severity::error,
                              "RFC 8301 §3.2",
                              {},
                              check});
}

}  // namespace dnslint
