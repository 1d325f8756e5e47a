// The SPF grammar of RFC 7208 §12, term by term: what parses, what is a permerror and why.
#include "rules/spf_record.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace dnslint {
namespace {

std::string first_problem(std::string_view text) {
  const SpfRecord record = parse_spf(text);
  return record.problems.empty() ? std::string() : record.problems.front().message;
}

TEST_CASE("the terms of a valid record, with their kinds, qualifiers and domains") {
  const SpfRecord record = parse_spf(
      "v=spf1 +mx a:colo.example.com/28 ~include:_spf.example.net ip4:192.0.2.0/24 "
      "ip6:2001:db8::/32 exists:%{ir}.%{l1r+-}._spf.%{d} ?ptr -all redirect=_spf.example.com "
      "exp=explain.%{d} custom=%{d}");
  CHECK(record.problems.empty());
  REQUIRE(record.terms.size() == 11);
  CHECK(record.terms[0].kind == SpfKind::mx);
  CHECK(record.terms[0].qualifier == '+');
  CHECK(record.terms[1].kind == SpfKind::a);
  CHECK(record.terms[1].domain == "colo.example.com");
  CHECK(record.terms[2].qualifier == '~');
  CHECK(record.terms[2].domain == "_spf.example.net");
  CHECK(record.terms[6].kind == SpfKind::ptr);
  CHECK(record.terms[7].kind == SpfKind::all);
  CHECK(record.terms[7].qualifier == '-');
  CHECK(record.terms[8].kind == SpfKind::redirect);
  CHECK(record.terms[9].kind == SpfKind::exp);
  CHECK(record.terms[10].kind == SpfKind::unknown_modifier);
  CHECK(SpfRecord::looks_up(SpfKind::include));
  CHECK_FALSE(SpfRecord::looks_up(SpfKind::ip4));
  CHECK_FALSE(SpfRecord::looks_up(SpfKind::exp));
}

TEST_CASE("packed terms read back as the terms parsed") {
  const std::string text =
      "v=spf1 ~a:mail.example.com/24 include:_spf.example.net -all ip4:192.0.2.1";
  const SpfRecord record = parse_spf(text);
  std::vector<PackedSpfTerm> packed;
  for (const SpfTerm& term : record.terms) packed.push_back(PackedSpfTerm::pack(text, term));
  const SpfTerms terms(text, packed);
  REQUIRE(terms.size() == record.terms.size());
  std::size_t i = 0;
  for (const SpfTerm& term : terms) {
    const SpfTerm& parsed = record.terms[i++];
    CHECK(term.text == parsed.text);
    CHECK(term.text.data() == parsed.text.data());  // views of the same text, not copies
    CHECK(term.domain == parsed.domain);
    CHECK(term.kind == parsed.kind);
    CHECK(term.qualifier == parsed.qualifier);
    CHECK(term.qualifier_written == parsed.qualifier_written);
    CHECK(term.evaluated == parsed.evaluated);
  }
  CHECK(terms[0].domain == "mail.example.com");
  CHECK(terms[2].domain.empty());
  CHECK_FALSE(terms[3].evaluated);  // after "all"
  CHECK(SpfTerms().empty());
}

TEST_CASE("mechanism names are case-insensitive and terms are separated by any run of spaces") {
  const SpfRecord record = parse_spf("V=SPF1   MX    A:Example.COM  -ALL  ");
  CHECK(record.problems.empty());
  CHECK(record.terms.size() == 3);
}

TEST_CASE("each kind of syntax error is a problem naming its term") {
  CHECK(first_problem("v=spf1 ip4:192.0.2.256") != "");
  CHECK(first_problem("v=spf1 ip4:192.0.2") != "");
  CHECK(first_problem("v=spf1 ip4:010.0.0.1") != "");
  CHECK(first_problem("v=spf1 ip4:192.0.2.0/33") != "");
  CHECK(first_problem("v=spf1 ip4:192.0.2.0/08") != "");
  CHECK(first_problem("v=spf1 ip6:2001:db8::/129") != "");
  CHECK(first_problem("v=spf1 ip6:2001:db8:::1") != "");
  CHECK(first_problem("v=spf1 a/33") != "");
  CHECK(first_problem("v=spf1 mx//129") != "");
  CHECK(first_problem("v=spf1 include") != "");
  CHECK(first_problem("v=spf1 include:") != "");
  CHECK(first_problem("v=spf1 include:localhost") != "");
  CHECK(first_problem("v=spf1 include:example.123") != "");
  CHECK(first_problem("v=spf1 exists:%{z}.example.com") != "");
  CHECK(first_problem("v=spf1 exists:%{d.example.com") != "");
  CHECK(first_problem("v=spf1 exists:100%.example.com") != "");
  CHECK(first_problem("v=spf1 include:%{c}.example.com") != "");  // c, r, t: exp= only
  CHECK(first_problem("v=spf1 all:x.example.com") != "");
  CHECK(first_problem("v=spf1 ptr/24") != "");
  CHECK(first_problem("v=spf1 redirect=a.example.com redirect=b.example.com") ==
        "redirect= is given twice (RFC 7208 §6: at most once)");
  CHECK(first_problem("v=spf1 exp=a.example.com exp=b.example.com") != "");
  CHECK(first_problem("v=spf1 +foo=bar") != "");
  CHECK(first_problem("v=spf1 1foo=bar") != "");
  CHECK(first_problem("v=spf1 inclde:_spf.example.com").find("not a mechanism") !=
        std::string::npos);
  const SpfRecord record = parse_spf("v=spf1 a ip4:192.0.2.300 -all");
  REQUIRE(record.problems.size() == 1);
  CHECK(record.problems[0].text == "ip4:192.0.2.300");
  CHECK(record.terms.size() == 2);  // the others still parse
}

TEST_CASE("macros: every letter, transformers, delimiters and the escapes") {
  CHECK(first_problem("v=spf1 exists:%{s}%{l}%{o}%{d}%{i}%{p}%{h}%{v}.example.com") == "");
  CHECK(first_problem("v=spf1 exists:%{d2r.-+,/_=}.example.com") == "");
  CHECK(first_problem("v=spf1 exists:%%.%_.%-.example.com") == "");
  CHECK(first_problem("v=spf1 exists:%{d2x}.example.com") != "");
  // c, r and t belong to the explanation text, not to exp='s own name (RFC 7208 §7.2).
  CHECK(first_problem("v=spf1 -all exp=%{r}.example.com").find("explanation text") !=
        std::string::npos);
  CHECK(first_problem("v=spf1 exists:%{d0}.example.com").find("zero labels") != std::string::npos);
  CHECK(first_problem("v=spf1 exists:%{d10r}.example.com") == "");
  CHECK(first_problem("v=spf1 exists:%{d}").empty());        // ends in a macro-expand
  CHECK(first_problem("v=spf1 exists:example.com}") != "");  // a literal }, no macro
  CHECK(first_problem("v=spf1 include:ex..ample.com").find("empty label") != std::string::npos);
}

TEST_CASE("terms no evaluation reaches") {
  const SpfRecord record = parse_spf(
      "v=spf1 mx -all include:a.example.com redirect=b.example.com "
      "exp=c.example.com");
  REQUIRE(record.terms.size() == 5);
  CHECK(record.terms[0].evaluated);
  CHECK(record.terms[1].evaluated);
  CHECK_FALSE(record.terms[2].evaluated);  // after all (§5.1)
  CHECK_FALSE(record.terms[3].evaluated);  // redirect beside all (§6.1)
  CHECK(record.terms[4].evaluated);        // exp still explains
  CHECK(parse_spf("v=spf1 mx redirect=b.example.com").terms[1].evaluated);
}

TEST_CASE("the names includes and redirects look up, when no macro needs evaluation") {
  CHECK(spf_target_name("_SPF.Example.com") == "_spf.example.com.");
  CHECK(spf_target_name("_spf.example.com.") == "_spf.example.com.");
  CHECK_FALSE(spf_target_name("%{d}.spf.example.com"));
  CHECK_FALSE(spf_target_name(""));
}

}  // namespace
}  // namespace dnslint
