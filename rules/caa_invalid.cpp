// caa-invalid: a CAA record that does not say what its author meant (RFC 8659 §4): flag bits
// other than the critical one, an unknown property marked critical (no CA may then issue for
// the domain at all, §4.1), an issue or issuewild value outside its grammar (§4.2-4.3: read as
// naming no CA, so issuance is refused), or an iodef URL that is not mailto:, http: or https:
// (§4.4).
#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "model/ascii.hpp"
#include "rules/common.hpp"
#include "rules/mail_records.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

constexpr std::uint8_t kCritical = 0x80;
// RFC 8659, RFC 8657 (parameters of issue), the CA/Browser Forum's contact properties, RFC
// 9495 (issuemail) and BIMI's issuevmc.
constexpr std::array<std::string_view, 7> kKnownTags{
    "issue", "issuewild", "iodef", "contactemail", "contactphone", "issuemail", "issuevmc"};

// label = (ALPHA / DIGIT) *( *("-") (ALPHA / DIGIT) ): no hyphen at either end.
bool is_label(std::string_view label) {
  return !label.empty() && ascii_is_alnum(label.front()) && ascii_is_alnum(label.back()) &&
         std::all_of(label.begin(), label.end(),
                     [](char c) { return ascii_is_alnum(c) || c == '-'; });
}

// RFC 8659 §4.2: issue-value = *WSP [issuer-domain-name *WSP] [";" *WSP [parameters *WSP]].
std::optional<std::string> check_issue_value(std::string_view value) {
  const std::size_t semicolon = value.find(';');
  const std::string_view issuer = trim_wsp(value.substr(0, semicolon));
  if (!issuer.empty()) {
    for (std::string_view label : split_list(issuer, '.')) {
      if (!is_label(label)) return fmt::format("'{}' is not a CA's domain name", issuer);
    }
  }
  if (semicolon == std::string_view::npos) return std::nullopt;
  for (std::string_view parameter : split_list(value.substr(semicolon + 1), ';')) {
    if (parameter.empty()) continue;
    const std::size_t equals = parameter.find('=');
    const std::string_view tag = trim_wsp(parameter.substr(0, equals));
    const std::string_view text = equals == std::string_view::npos
                                      ? std::string_view()
                                      : trim_wsp(parameter.substr(equals + 1));
    if (equals == std::string_view::npos || !is_label(tag) ||
        !std::all_of(text.begin(), text.end(), [](char c) { return c > 0x20 && c < 0x7f; })) {
      return fmt::format("'{}' is not a parameter tag=value", parameter);
    }
  }
  return std::nullopt;
}

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  for_each_record(model, rrtype::CAA, [&](const Zone& zone, const Record& record) {
    const auto* generic = std::get_if<GenericData>(&record.rdata);
    if (generic == nullptr) return;
    const std::string_view wire = generic->wire.view();
    if (wire.size() < 2) return;
    const auto flags = static_cast<std::uint8_t>(wire[0]);
    const auto tag_length = static_cast<std::uint8_t>(wire[1]);
    if (wire.size() < 2u + tag_length) return;
    const std::string tag = to_ascii_lower(wire.substr(2, tag_length));
    const std::string_view value = wire.substr(2 + tag_length);
    const std::string owner(model.name(record.owner));
    std::optional<std::string> problem;
    std::string_view focus;  // the field at fault, where it can be found as written
    const bool known = std::find(kKnownTags.begin(), kKnownTags.end(), tag) != kKnownTags.end();
    if ((flags & ~kCritical) != 0) {
      problem = fmt::format("flags {} set reserved bits (only 0 and 128 are defined)", flags);
    } else if (!known && (flags & kCritical) != 0) {
      problem = fmt::format(
          "the property '{}' is marked critical and no CA knows it: every CA "
          "must refuse to issue certificates for {}",
          tag, owner);
      focus = wire.substr(2, tag_length);
    } else if (tag == "issue" || tag == "issuewild") {
      if (auto bad = check_issue_value(value))
        problem = fmt::format("{} \"{}\": {}; CAs read it as naming no CA, so none may issue", tag,
                              value, *bad);
      focus = value;
    } else if (tag == "iodef") {
      const bool good = mailto_domain(value).has_value() ||
                        ((starts_with_ignoring_case(value, "https://") ||
                          starts_with_ignoring_case(value, "http://")) &&
                         value.find_first_of(" \t\"") == std::string_view::npos &&
                         value.size() > value.find("//") + 2);
      if (!good)
        problem = fmt::format(
            "iodef \"{}\" is not a mailto:, http: or https: URL; CAs cannot "
            "report there",
            value);
      focus = value;
    }
    if (problem) {
      OpenFinding& finding =
          reporter.report(zone, record, fmt::format("CAA record of {}: {}", owner, *problem));
      if (!focus.empty()) reporter.focus(finding, focus);
    }
  });
}

}  // namespace

Rule caa_invalid_rule() {
  return {"caa-invalid", "CAA record that RFC 8659 rejects", Severity::error, "RFC 8659 §4", {},
          check};
}

}  // namespace dnslint
