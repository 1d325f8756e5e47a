// dmarc-syntax: a DMARC record (TXT at _dmarc.<domain>) that RFC 7489 §6.3-6.4 rejects. A
// record not starting with "v=DMARC1" is discarded (§6.6.3); one without a valid p= is read
// as p=none when its rua= is valid and ignored otherwise; bad values of the other tags make
// receivers skip them or the record. Unknown tags are ignored (§6.3), as receivers do.
#include <fmt/format.h>

#include <algorithm>

#include "model/ascii.hpp"
#include "rules/common.hpp"
#include "rules/mail_records.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

// Another policy's record: at a _dmarc name it is misplaced (mail-record-misplaced), not a
// broken DMARC record.
bool other_policy(std::string_view text) {
  return is_spf(text) || starts_with_ignoring_case(text, "v=STSv1") ||
         starts_with_ignoring_case(text, "v=TLSRPTv1") ||
         starts_with_ignoring_case(text, "v=DKIM1");
}

// A TXT record at a _dmarc name that is meant as DMARC: it starts with a v= tag, names DMARC
// or sets a policy (p=).
bool meant_as_dmarc(std::string_view text) {
  if (other_policy(text)) return false;
  const std::string lower = to_ascii_lower(text);
  const std::size_t start = lower.find_first_not_of(" \t");
  if (lower.find("dmarc") != std::string::npos) return true;
  if (start != std::string::npos && lower.compare(start, 1, "v") == 0 &&
      lower.find_first_not_of(" \t", start + 1) != std::string::npos &&
      lower[lower.find_first_not_of(" \t", start + 1)] == '=')
    return true;
  const TagList list = parse_tag_list(text);
  return std::any_of(list.tags.begin(), list.tags.end(),
                     [](const Tag& tag) { return equals_ignoring_case(tag.name, "p"); });
}

bool is_digits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool one_of(std::string_view value, std::initializer_list<std::string_view> allowed) {
  return std::any_of(allowed.begin(), allowed.end(),
                     [&](std::string_view a) { return equals_ignoring_case(value, a); });
}

// Each problem of the record: what it is and the tag text it is about.
// A problem of a record: what it is, the text it is about, and the text that fixes it when the
// fix is certain (empty otherwise).
struct Problem {
  std::string message;
  std::string_view text;
  std::string fix = {};
};

std::vector<Problem> problems_of(std::string_view text) {
  std::vector<Problem> problems;
  const TagList list = parse_tag_list(text);
  if (list.problem) problems.push_back({*list.problem, list.problem_text});
  auto tag = [&](std::string_view name) -> const Tag* {
    for (const Tag& t : list.tags) {
      if (equals_ignoring_case(t.name, name)) return &t;
    }
    return nullptr;
  };
  bool version_swallowed_tags = false;  // "v=DMARC1, p=reject": p= is not a tag of its own
  // §6.4: dmarc-version = "v" *WSP "=" *WSP %x44 %x4d %x41 %x52 %x43 %x31, first.
  if (list.tags.empty() || !equals_ignoring_case(list.tags.front().name, "v")) {
    const Tag* v = tag("v");
    problems.push_back(
        {v != nullptr
             ? "v=DMARC1 is not the first tag: receivers discard the record (RFC 7489 §6.6.3)"
             : "the record does not start with v=DMARC1: receivers discard it, and the domain "
               "has no DMARC policy (RFC 7489 §6.6.3)",
         v != nullptr ? v->text : text.substr(0, text.find(';'))});
  } else if (const std::string_view v = list.tags.front().value;
             starts_with_ignoring_case(v, "DMARC1") && v.size() > 6) {
    // "v=DMARC1 p=none", "v=DMARC1, p=reject", "v=DMARC1p=none": the separator is wrong,
    // not the version.
    const char next = v[6];
    const std::string what = next == ' ' || next == '\t' ? "a space stands where ';' belongs"
                             : next == ','               ? "a comma stands where ';' belongs"
                                                         : "';' is missing after v=DMARC1";
    version_swallowed_tags = true;
    problems.push_back({fmt::format("'{}': {}: tags are separated by ';', so receivers read "
                                    "this as one v= tag and discard the record",
                                    list.tags.front().text, what),
                        list.tags.front().text});
  } else if (v != "DMARC1") {
    problems.push_back(
        {equals_ignoring_case(v, "DMARC1")
             ? fmt::format("v={} is not v=DMARC1 (in capitals, exactly): receivers discard "
                           "the record",
                           v)
             : fmt::format("v={} is not v=DMARC1: receivers discard the record", v),
         list.tags.front().text,
         // "v=dmarc1" means what it says in the wrong case: capitals are the certain fix.
         equals_ignoring_case(v, "DMARC1") ? fmt::format("{}=DMARC1", list.tags.front().name)
                                           : std::string()});
  }
  const Tag* rua = tag("rua");
  bool rua_valid = false;
  if (rua != nullptr) {
    for (std::string_view uri : split_list(rua->value, ','))
      rua_valid |= !check_report_uri(uri, true);
  }
  const std::string without_policy =
      rua_valid ? "receivers act as if it said p=none" : "receivers apply no DMARC policy";
  if (const Tag* p = tag("p"); p == nullptr) {
    if (!version_swallowed_tags) {
      problems.push_back({fmt::format("no p= tag: {} (RFC 7489 §6.6.3)", without_policy),
                          list.tags.empty() ? text : list.tags.front().text});
    }
  } else if (!one_of(p->value, {"none", "quarantine", "reject"})) {
    problems.push_back(
        {fmt::format("p={} is not none, quarantine or reject: {}", p->value, without_policy),
         p->text});
  }
  if (const Tag* sp = tag("sp");
      sp != nullptr && !one_of(sp->value, {"none", "quarantine", "reject"})) {
    problems.push_back(
        {fmt::format("sp={} is not none, quarantine or reject", sp->value), sp->text});
  }
  for (std::string_view name : {"adkim", "aspf"}) {
    if (const Tag* t = tag(name); t != nullptr && !one_of(t->value, {"r", "s"})) {
      problems.push_back({fmt::format("{}={} is not r or s", name, t->value), t->text});
    }
  }
  if (const Tag* pct = tag("pct"); pct != nullptr) {
    if (!is_digits(pct->value) || pct->value.size() > 3 ||
        std::stoi(std::string(pct->value)) > 100) {
      problems.push_back(
          {fmt::format("pct={} is not a whole number from 0 to 100", pct->value), pct->text});
    }
  }
  if (const Tag* ri = tag("ri"); ri != nullptr) {
    if (!is_digits(ri->value) || ri->value.size() > 10 ||
        std::stoull(std::string(ri->value)) > 0xffffffffULL) {
      problems.push_back({fmt::format("ri={} is not a number of seconds", ri->value), ri->text});
    }
  }
  if (const Tag* fo = tag("fo"); fo != nullptr) {
    const auto options = split_list(fo->value, ':');
    if (options.empty() || !std::all_of(options.begin(), options.end(), [](std::string_view o) {
          return one_of(o, {"0", "1", "d", "s"});
        })) {
      problems.push_back(
          {fmt::format("fo={} is not 0, 1, d or s, separated by ':'", fo->value), fo->text});
    }
  }
  for (std::string_view name : {"rua", "ruf"}) {
    const Tag* t = tag(name);
    if (t == nullptr) continue;
    if (t->value.empty()) {
      problems.push_back(
          {fmt::format("{}= has no URI: give a mailto: address or drop the tag", name), t->text});
      continue;
    }
    for (std::string_view uri : split_list(t->value, ',')) {
      if (auto bad = check_report_uri(uri, true)) {
        problems.push_back(
            {fmt::format("{}: {}; receivers send no reports there", name, *bad), t->text});
      }
    }
  }
  return problems;
}

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  for_each_txt_set(model, first_labels("_dmarc"), meant_as_dmarc,
                   [&](const Zone& zone, NameId owner, std::span<const TxtRecord> records) {
                     for (const TxtRecord& dmarc : records) {
                       for (const Problem& problem : problems_of(dmarc.text)) {
                         OpenFinding& finding = reporter.report(
                             zone, *dmarc.record,
                             fmt::format("DMARC record of {}: {}",
                                         below_labels(model.name(owner), 1), problem.message));
                         reporter.focus(finding, problem.text);
                         if (!problem.fix.empty())
                           reporter.fix(finding, FixKind::replace_focus, problem.fix);
                       }
                     }
                   });
}

}  // namespace

Rule dmarc_syntax_rule() {
  return reading_txt_records({"dmarc-syntax",
                              "DMARC record that RFC 7489 rejects",
                              Severity::error,
                              "RFC 7489 §6.3, §6.4",
                              {},
                              check});
}

}  // namespace dnslint
