// tlsrpt-syntax: the TXT record at _smtp._tls.<domain> says where senders report TLS failures
// (RFC 8460 §3): "v=TLSRPTv1; rua=<mailto: or https: URI>[,...]". Senders keep only records
// beginning "v=TLSRPTv1"; with anything but exactly one, or one that is invalid, they send no
// report, and failures of MTA-STS or DANE go unseen.
#include <fmt/format.h>

#include <algorithm>

#include "model/ascii.hpp"
#include "rules/common.hpp"
#include "rules/mail_records.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

bool meant_as_tlsrpt(std::string_view text) {
  const std::string lower = to_ascii_lower(text);
  return lower.find("tlsrpt") != std::string::npos || lower.find("rua") != std::string::npos ||
         lower.starts_with("v=");
}

TextProblems problems_of(std::string_view text) {
  FieldList list = parse_field_list(text, "v=TLSRPTv1");
  TextProblems problems = std::move(list.problems);
  if (!list.versioned) return problems;
  const Field* rua = list.find("rua");
  if (rua == nullptr) {
    problems.emplace_back("no rua= field: senders have nowhere to report",
                          text.substr(0, text.find(';')));
  } else {
    const auto uris = split_list(rua->value, ',');
    if (uris.empty()) problems.emplace_back("rua= names no URI", rua->text);
    for (std::string_view uri : uris) {
      if (auto bad = check_report_uri(uri, false))
        problems.emplace_back(fmt::format("rua: {}", *bad), rua->text);
    }
  }
  for (const Field& field : list.fields) {
    if (&field == rua) continue;
    if (field.name == "rua") {
      problems.emplace_back("rua= is given twice", field.text);
    } else if (!is_extension_field(field)) {
      problems.emplace_back(fmt::format("'{}' is not a valid field (RFC 8460 §3)", field.text),
                            field.text);
    }
  }
  return problems;
}

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  for_each_txt_set(model, first_labels("_smtp._tls"), meant_as_tlsrpt,
                   [&](const Zone& zone, NameId owner, std::span<const TxtRecord> records) {
                     const std::string_view domain = below_labels(model.name(owner), 2);
                     report_versioned_records(
                         model, reporter, zone, owner, domain, records, "TLS-RPT", "v=TLSRPTv1",
                         fmt::format("senders send {} no reports", domain), problems_of);
                   });
}

}  // namespace

Rule tlsrpt_syntax_rule() {
  return reading_txt_records({"tlsrpt-syntax",
                              "TLS-RPT record that RFC 8460 rejects",
                              Severity::error,
                              "RFC 8460 §3",
                              {},
                              check});
}

}  // namespace dnslint
