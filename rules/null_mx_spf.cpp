// null-mx-spf: a domain with a null MX (RFC 7505) says it accepts no mail; mail claiming to come
// from it is refused by receivers that check (RFC 7505 §4.2), and "v=spf1 -all" says the same
// to every other receiver, so that forged mail in its name fails SPF and DMARC at once. A
// domain that sends mail from a null-MX domain has a deeper problem, which the message names.
#include <fmt/format.h>

#include "rules/common.hpp"
#include "rules/mail_records.hpp"
#include "rules/rule.hpp"
#include "rules/spf_record.hpp"

namespace dnslint {
namespace {

// "v=spf1 -all", with no other term that could authorise a host.
bool rejects_all(std::string_view text) {
  const SpfRecord record = parse_spf(text);
  if (!record.problems.empty()) return false;
  bool fail_all = false;
  for (const SpfTerm& term : record.terms) {
    if (!term.evaluated) continue;  // "v=spf1 -all ip4:..." authorises nobody
    if (term.kind == SpfKind::all) {
      fail_all = term.qualifier == '-';
    } else if (term.kind != SpfKind::exp && term.kind != SpfKind::unknown_modifier) {
      return false;
    }
  }
  return fail_all;
}

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  for_each_rrset(
      model, rrtype::MX, [&](const Zone& zone, NameId owner, std::span<const std::uint32_t> set) {
        const Record& first = zone.records[set.front()];
        // Only a null MX alone: null-mx-mixed reports one beside other exchanges.
        if (set.size() != 1 || !is_null_mx(model, std::get<MxData>(first.rdata))) return;
        std::vector<std::string> spf;
        const auto txt = zone.rrset(owner, rrtype::TXT);
        if (has_unknown_value(zone, txt)) return;  // an SPF record may be among them
        for (std::uint32_t index : txt) {
          std::string text = txt_text(zone.records[index]);
          if (is_spf(text)) spf.push_back(std::move(text));
        }
        if (spf.size() == 1 && rejects_all(spf.front())) return;
        if (spf.size() > 1) return;  // spf-multiple's to report
        reporter.report(zone, first,
                        spf.empty()
                            ? fmt::format("{} publishes a null MX but no SPF record: publish "
                                          "\"v=spf1 -all\" so that receivers reject mail forged "
                                          "in its name",
                                          model.name(owner))
                            : fmt::format("{} publishes a null MX, yet its SPF record authorises "
                                          "senders ('{}'): a domain that accepts no mail should "
                                          "send none; publish \"v=spf1 -all\"",
                                          model.name(owner), spf.front()));
      });
}

}  // namespace

Rule null_mx_spf_rule() {
  return {
      "null-mx-spf", "null MX domain without v=spf1 -all", Severity::warning, "RFC 7505 §4.2", {},
      check};
}

}  // namespace dnslint
