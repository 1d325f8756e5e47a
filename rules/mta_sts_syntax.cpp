// mta-sts-syntax: the TXT record at _mta-sts.<domain> tells senders that an MTA-STS policy
// exists and which version it is (RFC 8461 §3.1): "v=STSv1; id=<1-32 letters or digits>", then
// extension fields. Senders keep only records beginning "v=STSv1;"; with anything but exactly
// one, or one that is invalid, they act as if the domain had no policy.
#include <fmt/format.h>

#include <algorithm>

#include "model/ascii.hpp"
#include "rules/common.hpp"
#include "rules/mail_records.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

// A record meant as MTA-STS: it starts with a v= tag or names STS.
bool meant_as_sts(std::string_view text) {
  const std::string lower = to_ascii_lower(text);
  return lower.find("sts") != std::string::npos || lower.starts_with("v=");
}

TextProblems problems_of(std::string_view text) {
  FieldList list = parse_field_list(text, "v=STSv1");
  TextProblems problems = std::move(list.problems);
  if (!list.versioned) return problems;
  const Field* id = list.find("id");
  if (id == nullptr) {
    problems.emplace_back(
        "no id= field: senders cannot tell when the policy changes, and "
        "ignore the record",
        text.substr(0, text.find(';')));
  } else if (id->value.empty() || id->value.size() > 32 ||
             !std::all_of(id->value.begin(), id->value.end(), ascii_is_alnum)) {
    problems.emplace_back(
        fmt::format("id={} is not 1 to 32 letters and digits (no dots, dashes or dates with "
                    "separators)",
                    id->value),
        id->text);
  }
  for (const Field& field : list.fields) {
    if (&field == id) continue;
    if (field.name == "id") {
      problems.emplace_back("id= is given twice", field.text);
    } else if (!is_extension_field(field)) {
      problems.emplace_back(fmt::format("'{}' is not a valid field (RFC 8461 §3.1: a name of "
                                        "letters, digits, '_', '-' and '.', a value of "
                                        "printable characters)",
                                        field.text),
                            field.text);
    }
  }
  return problems;
}

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  for_each_txt_set(model, first_labels("_mta-sts"), meant_as_sts,
                   [&](const Zone& zone, NameId owner, std::span<const TxtRecord> records) {
                     const std::string_view domain = below_labels(model.name(owner), 1);
                     report_versioned_records(
                         model, reporter, zone, owner, domain, records, "MTA-STS", "v=STSv1",
                         fmt::format("senders act as if {} had no MTA-STS policy", domain),
                         problems_of);
                   });
}

}  // namespace

Rule mta_sts_syntax_rule() {
  return reading_txt_records({"mta-sts-syntax",
                              "MTA-STS record that RFC 8461 rejects",
                              Severity::error,
                              "RFC 8461 §3.1",
                              {},
                              check});
}

}  // namespace dnslint
