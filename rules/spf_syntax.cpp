// spf-syntax: an SPF record that the grammar of RFC 7208 (§4.6, §12) rejects is a permerror
// for every receiver (§4.6: "if there are any syntax errors anywhere in the record, check_host()
// returns immediately with the result "permerror""): the domain then has no usable SPF, and
// DMARC receivers treat its mail as unauthenticated. A TXT record that starts with "v=spf1"
// but goes on without a space ("v=spf1include:...", the strings "v=spf1" "include:..." joined)
// is no SPF record at all (§4.5): receivers pass it over, which is as bad.
#include <fmt/format.h>

#include <algorithm>

#include "model/ascii.hpp"
#include "model/printable.hpp"
#include "rules/common.hpp"
#include "rules/mail_records.hpp"
#include "rules/rule.hpp"
#include "rules/spf_record.hpp"

namespace dnslint {
namespace {

constexpr std::string_view kVersion = "v=spf1";

// "v=spf1" and then something other than a space or a digit: an SPF record gone wrong.
// ("v=spf10" would be another version, and is not reported.)
bool starts_like_spf(std::string_view text) {
  return starts_with_ignoring_case(text, kVersion) && !is_spf(text) &&
         !ascii_is_digit(text[kVersion.size()]);
}

bool may_be_spf(std::string_view text) { return starts_with_ignoring_case(text, kVersion); }

// True when a space at one of the joins inside `term` (a view into `text`) would make it
// good terms: the strings of the record meet there without the space the author meant
// (RFC 7208 §3.3). A term split mid-way ("_spf.goo" "gle.com") is legal and not this.
bool space_would_fix(std::string_view text, std::string_view term,
                     const std::vector<std::size_t>& joins) {
  const auto begin = static_cast<std::size_t>(term.data() - text.data());
  for (std::size_t join : joins) {
    if (join <= begin || join >= begin + term.size()) continue;
    const std::size_t split = join - begin;
    const std::string fixed =
        fmt::format("{} {} {}", kVersion, term.substr(0, split), term.substr(split));
    if (parse_spf(fixed).problems.empty()) return true;
  }
  return false;
}

void report_not_spf(const Model& model, Reporter& reporter, const Zone& zone, NameId owner,
                    const TxtRecord& record, bool domain_has_spf) {
  const char next = record.text[kVersion.size()];
  const auto joins = txt_string_joins(*record.record);
  const bool joined_here = std::find(joins.begin(), joins.end(), kVersion.size()) != joins.end();
  const std::string what =
      joined_here
          ? fmt::format(
                "its strings are joined without a space, '{}{}...' (RFC 7208 "
                "§3.3: end the first string with a space)",
                kVersion, printable(record.text.substr(kVersion.size(), 16)))
          : fmt::format("'{}' is followed by {}, not a space", kVersion, describe_character(next));
  OpenFinding& finding = reporter.report(
      zone, *record.record,
      fmt::format("TXT record of {} starts like SPF but is not an SPF record: {}; receivers "
                  "pass it over (RFC 7208 §4.5){}",
                  model.name(owner), what,
                  domain_has_spf ? "" : ", so the domain has no SPF record"));
  reporter.focus(finding, std::string_view(record.text).substr(0, kVersion.size()));
}

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  for_each_txt_set(
      model, nullptr, may_be_spf,
      [&](const Zone& zone, NameId owner, std::span<const TxtRecord> records) {
        const bool domain_has_spf = std::any_of(records.begin(), records.end(),
                                                [](const TxtRecord& r) { return is_spf(r.text); });
        for (const TxtRecord& spf : records) {
          if (starts_like_spf(spf.text)) {
            report_not_spf(model, reporter, zone, owner, spf, domain_has_spf);
            continue;
          }
          if (!is_spf(spf.text)) continue;  // another version ("v=spf10")
          const auto joins = txt_string_joins(*spf.record);
          for (const SpfProblem& problem : spf.spf_problems()) {
            OpenFinding& finding = reporter.report(
                zone, *spf.record,
                fmt::format("SPF record of {}: {}{}; receivers return permerror and treat the "
                            "domain as having no valid SPF",
                            model.name(owner), problem.message,
                            space_would_fix(spf.text, problem.text, joins)
                                ? " (the record's strings are joined without a space, RFC 7208 "
                                  "§3.3: end the first with a space)"
                                : ""));
            reporter.focus(finding, problem.text);
          }
        }
      });
}

}  // namespace

Rule spf_syntax_rule() {
  return reading_txt_records({"spf-syntax",
                              "SPF record that RFC 7208 rejects (permerror)",
                              Severity::error,
                              "RFC 7208 §4.5, §4.6, §12",
                              {},
                              check});
}

}  // namespace dnslint
