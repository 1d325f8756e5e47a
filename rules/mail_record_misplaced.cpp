// mail-record-misplaced: receivers look for each mail policy at one name only: DMARC at
// _dmarc.<domain> (RFC 7489 §6.1), MTA-STS at _mta-sts.<domain> (RFC 8461 §3.1), TLS-RPT at
// _smtp._tls.<domain> (RFC 8460 §3), DKIM keys at <selector>._domainkey.<domain> (RFC 6376
// §3.6.2.1), SPF at the domain itself (RFC 7208 §4.1). A record published anywhere else is
// never read: the domain goes without the policy its owner thinks it has (a DMARC record at
// the apex, seen in real zones, leaves the domain with no DMARC policy). A record that an alias
// points at is read through the alias (ocf._domainkey CNAME _dkim) and is in its place.
#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <vector>

#include "model/ascii.hpp"
#include "rules/common.hpp"
#include "rules/mail_records.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

// True when one of `owner`'s labels is `label` (ASCII case ignored).
bool has_label(std::string_view owner, std::string_view label) {
  while (!owner.empty() && owner != ".") {
    const std::size_t dot = owner.find('.');
    if (equals_ignoring_case(owner.substr(0, dot), label)) return true;
    if (dot == std::string_view::npos) break;
    owner.remove_prefix(dot + 1);
  }
  return false;
}

struct Policy {
  std::string_view kind;
  std::string_view where;  // how the right name is made, for the message
};

// The policy a record's text declares and the owner it belongs at, when it is elsewhere.
std::optional<Policy> misplaced(std::string_view owner, std::string_view text) {
  if (starts_as_dmarc(text)) {
    // _dmarc.<domain>, or an external report authorisation <domain>._report._dmarc.<rua domain>.
    if (!has_label(owner, "_dmarc"))
      return Policy{"a DMARC record", "_dmarc.<domain> (RFC 7489 §6.1)"};
    return std::nullopt;
  }
  if (starts_with_ignoring_case(text, "v=STSv1")) {
    if (!first_labels("_mta-sts")(owner))
      return Policy{"an MTA-STS record", "_mta-sts.<domain> (RFC 8461 §3.1)"};
    return std::nullopt;
  }
  if (starts_with_ignoring_case(text, "v=TLSRPTv1")) {
    if (!first_labels("_smtp._tls")(owner))
      return Policy{"a TLS-RPT record", "_smtp._tls.<domain> (RFC 8460 §3)"};
    return std::nullopt;
  }
  if (starts_with_ignoring_case(text, "v=DKIM1")) {
    if (!has_label(owner, "_domainkey"))
      return Policy{"a DKIM key", "<selector>._domainkey.<domain> (RFC 6376 §3.6.2.1)"};
    return std::nullopt;
  }
  if (is_spf(text) && (first_labels("_dmarc")(owner) || first_labels("_mta-sts")(owner) ||
                       first_labels("_smtp._tls")(owner))) {
    return Policy{"an SPF record", "the domain that sends the mail (RFC 7208 §4.1)"};
  }
  return std::nullopt;
}

// True when the record's first string already shows it is in its place: no version tag, or an
// SPF record at a name of no other policy (most TXT records of a large zone). Its whole text
// is then never put together.
bool surely_in_place(std::string_view owner, std::string_view first) {
  constexpr std::string_view kLongestVersion = "v=TLSRPTv1";
  if (first.size() < kLongestVersion.size()) return false;
  if (!starts_with_ignoring_case(first, "v=")) return true;
  return is_spf(first) && !owner.starts_with('_');
}

// The names some CNAME points at: a policy there is read through the alias
// (ocf._domainkey CNAME _dkim, _dmarc CNAME a provider's name), not at its own name.
std::vector<NameId> alias_targets(const Model& model) {
  std::vector<NameId> targets;
  for_each_record(model, rrtype::CNAME, [&](const Zone&, const Record& record) {
    targets.push_back(std::get<NameData>(record.rdata).target.name);
  });
  std::sort(targets.begin(), targets.end());
  return targets;
}

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  std::optional<std::vector<NameId>> targets;  // found once, when first needed
  for_each_record(model, rrtype::TXT, [&](const Zone& zone, const Record& record) {
    const std::string_view name = model.name(record.owner);
    if (surely_in_place(name, first_txt_string(record))) return;
    const auto policy = misplaced(name, txt_text(record));
    if (!policy) return;
    if (!targets) targets = alias_targets(model);
    if (std::binary_search(targets->begin(), targets->end(), record.owner)) return;
    reporter.report(zone, record,
                    fmt::format("{} is published at {}, where receivers never look for it: they "
                                "read it only at {}, so it has no effect",
                                policy->kind, name, policy->where));
  });
}

}  // namespace

Rule mail_record_misplaced_rule() {
  return {"mail-record-misplaced",
          "DMARC, MTA-STS, TLS-RPT, DKIM or SPF record where receivers never look",
          Severity::error,
          "RFC 7489 §6.1, RFC 8461 §3.1, RFC 8460 §3, RFC 6376 §3.6.2.1, RFC 7208 §4.1",
          {},
          check};
}

}  // namespace dnslint
