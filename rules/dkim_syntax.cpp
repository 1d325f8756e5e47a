// dkim-syntax: a DKIM key record (TXT at <selector>._domainkey.<domain>) that verifiers cannot
// use (RFC 6376 §3.6.1): a tag list that does not parse, v= that is not first or not DKIM1, a
// key type they do not know, no p= tag, or a p= that is not a public key of its type (usually
// a key cut short when it was pasted). Every signature with the selector then fails, and
// DMARC with it. An empty p= is a revoked key, which is not an error.
#include <fmt/format.h>

#include "model/ascii.hpp"
#include "rules/common.hpp"
#include "rules/dkim_key.hpp"
#include "rules/mail_records.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

// A record meant as a DKIM key: it has a p= or k= tag, or starts with v=DKIM1.
bool meant_as_key(std::string_view text) {
  const TagList list = parse_tag_list(text);
  return list.find("p") != nullptr || list.find("k") != nullptr ||
         starts_with_ignoring_case(text, "v=dkim");
}

TextProblems problems_of(std::string_view text) {
  TextProblems problems;
  const TagList list = parse_tag_list(text);
  if (list.problem) problems.emplace_back(*list.problem, list.problem_text);
  if (const Tag* v = list.find("v"); v != nullptr) {
    if (v != &list.tags.front()) {
      problems.emplace_back("v= must be the first tag: verifiers discard the record", v->text);
    } else if (v->value != "DKIM1") {
      problems.emplace_back(
          fmt::format("v={} is not DKIM1: verifiers discard the record", v->value), v->text);
    }
  }
  const Tag* p = list.find("p");
  if (p == nullptr) {
    problems.emplace_back("no p= tag (the public key): verifiers cannot check any signature",
                          text.substr(0, text.find(';')));
    return problems;
  }
  if (p->value.empty()) return problems;  // revoked (RFC 6376 §3.6.1)
  const Tag* k = list.find("k");
  const std::string type = k != nullptr ? to_ascii_lower(k->value) : std::string("rsa");
  const auto key = decode_dkim_key(type, p->value);
  if (const auto* problem = std::get_if<std::string>(&key)) {
    problems.emplace_back(*problem, type != "rsa" && type != "ed25519" ? k->text : p->text);
  }
  return problems;
}

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  for_each_txt_set(model, selector_under("_domainkey"), meant_as_key,
                   [&](const Zone& zone, NameId owner, std::span<const TxtRecord> records) {
                     for (const TxtRecord& key : records) {
                       for (const auto& [problem, text] : problems_of(key.text)) {
                         OpenFinding& finding = reporter.report(
                             zone, *key.record,
                             fmt::format("DKIM key {}: {}", model.name(owner), problem));
                         reporter.focus(finding, text);
                       }
                     }
                   });
}

}  // namespace

Rule dkim_syntax_rule() {
  return reading_txt_records({"dkim-syntax",
                              "DKIM key record with malformed tags or key",
                              Severity::error,
                              "RFC 6376 §3.6.1",
                              {},
                              check});
}

}  // namespace dnslint
