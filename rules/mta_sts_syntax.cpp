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

// sts-ext-name = (ALPHA / DIGIT) *31(ALPHA / DIGIT / "_" / "-" / ".");
// sts-ext-value = 1*(%x21-3A / %x3C / %x3E-7E): printable, no ";" and no "=".
bool is_extension(const Tag& tag) {
  const bool name = !tag.name.empty() && tag.name.size() <= 32 && ascii_is_alnum(tag.name[0]) &&
                    std::all_of(tag.name.begin(), tag.name.end(), [](char c) {
                      return ascii_is_alnum(c) || c == '_' || c == '-' || c == '.';
                    });
  const bool value =
      !tag.value.empty() && std::all_of(tag.value.begin(), tag.value.end(), [](char c) {
        return c > 0x20 && c < 0x7f && c != ';' && c != '=';
      });
  return name && value;
}

TextProblems problems_of(std::string_view text) {
  TextProblems problems;
  const TagList list = parse_tag_list(text);
  if (list.problem) problems.emplace_back(*list.problem, list.problem_text);
  if (list.tags.empty() || list.tags.front().name != "v" || list.tags.front().value != "STSv1") {
    problems.emplace_back("the record does not start with v=STSv1 (exactly): senders discard it",
                          list.tags.empty() ? text : list.tags.front().text);
    return problems;
  }
  const Tag* id = list.find("id");
  if (id == nullptr) {
    problems.emplace_back(
        "no id= field: senders cannot tell when the policy changes, and "
        "ignore the record",
        list.tags.front().text);
  } else if (id->value.empty() || id->value.size() > 32 ||
             !std::all_of(id->value.begin(), id->value.end(), ascii_is_alnum)) {
    problems.emplace_back(
        fmt::format("id={} is not 1 to 32 letters and digits (no dots, dashes or dates with "
                    "separators)",
                    id->value),
        id->text);
  }
  for (std::size_t i = 1; i < list.tags.size(); ++i) {
    const Tag& tag = list.tags[i];
    if (tag.name != "id" && !is_extension(tag))
      problems.emplace_back(fmt::format("'{}' is not a valid field", tag.text), tag.text);
  }
  return problems;
}

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  for_each_txt_set(model, first_labels("_mta-sts"), "", meant_as_sts,
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
  return {"mta-sts-syntax",
          "MTA-STS record that RFC 8461 rejects",
          Severity::error,
          "RFC 8461 §3.1",
          {},
          check};
}

}  // namespace dnslint
