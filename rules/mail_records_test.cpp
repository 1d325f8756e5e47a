// Tag lists, report URIs and name lookups shared by the mail-authentication rules.
#include "rules/mail_records.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <string>
#include <vector>

#include "rules/rules_testing.hpp"

namespace dnslint {
namespace {

Model model_of(std::string_view text) {
  return testing::model_of_zone(
      "$TTL 300\n@ SOA ns.example.com. host.example.com. 1 2 3 4 5\n@ NS ns.example.com.\n" +
      std::string(text));
}

TEST_CASE("a tag list: white space around names and values, a trailing semicolon, problems") {
  const TagList list = parse_tag_list(" v = DMARC1 ;p=reject;  rua = mailto:a@example.com ; ");
  CHECK_FALSE(list.problem);
  REQUIRE(list.tags.size() == 3);
  CHECK(list.tags[0].name == "v");
  CHECK(list.tags[0].value == "DMARC1");
  CHECK(list.tags[2].value == "mailto:a@example.com");
  CHECK(list.tags[2].text == "rua = mailto:a@example.com");
  CHECK(list.find("p")->value == "reject");
  CHECK(list.find("sp") == nullptr);
  CHECK(parse_tag_list("v=DMARC1;; p=none").tags.size() == 2);  // an empty part is skipped
  CHECK(parse_tag_list("v=DKIM1; p").problem);
  CHECK(parse_tag_list("v=DKIM1; 1x=y").problem);
  CHECK(parse_tag_list("v=DKIM1; p=a; p=b").problem);
  CHECK(parse_tag_list("v=DKIM1; p=a; p=b").problem_text == "p=b");
}

TEST_CASE("lists split at their separator, trimmed") {
  CHECK(split_list("0 : d:s", ':') == std::vector<std::string_view>{"0", "d", "s"});
  CHECK(split_list("", ',').empty());
  CHECK(split_list("a,", ',') == std::vector<std::string_view>{"a", ""});
}

TEST_CASE("report URIs: mailto and https, DMARC's size suffix") {
  CHECK_FALSE(check_report_uri("mailto:dmarc@example.com", false));
  CHECK_FALSE(check_report_uri("https://reports.example.com:8443/v1/tlsrpt", false));
  CHECK_FALSE(check_report_uri("mailto:dmarc@example.com!10m", true));
  CHECK(check_report_uri("mailto:dmarc@example.com!10m", false));
  CHECK(check_report_uri("mailto:dmarc@example.com!m", true));
  CHECK(check_report_uri("dmarc@example.com", true));
  CHECK(check_report_uri("mailto:example.com", true));
  CHECK(check_report_uri("https://", false));
  CHECK(check_report_uri("ftp://example.com", false));
  CHECK(mailto_domain("mailto:DMARC@Reports.Example.NET") == "reports.example.net.");
  CHECK_FALSE(mailto_domain("https://example.com"));
}

TEST_CASE("SPF and DMARC records are recognised as receivers recognise them") {
  CHECK(is_spf("v=spf1"));
  CHECK(is_spf("V=SPF1 -all"));
  CHECK_FALSE(is_spf("v=spf10 -all"));
  CHECK_FALSE(is_spf(" v=spf1 -all"));
  CHECK(starts_as_dmarc("v=DMARC1; p=none"));
  CHECK(starts_as_dmarc("v = DMARC1"));
  CHECK_FALSE(starts_as_dmarc("v=dmarc1; p=none"));
  CHECK_FALSE(starts_as_dmarc("v=DMARC10"));
  CHECK_FALSE(starts_as_dmarc("p=none; v=DMARC1"));
}

TEST_CASE("TXT text joins strings, and says where they meet") {
  const Model model = model_of("@ TXT \"v=spf1 a\" \" -all\" \"\"\n");
  const Zone& zone = model.zones.front();
  const Record* txt = nullptr;
  for (const Record& record : zone.records) {
    if (record.type == rrtype::TXT) txt = &record;
  }
  REQUIRE(txt != nullptr);
  CHECK(txt_text(*txt) == "v=spf1 a -all");
  CHECK(txt_string_joins(*txt) == std::vector<std::size_t>{8, 13});
}

TEST_CASE("every TXT RRset once, texts put together, SPF records parsed, shared by the rules") {
  const Model model = model_of(
      "@ TXT \"v=spf1 include:_spf.example.com\" \" ip4:192.0.2.0/24 -all\"\n"
      "@ TXT \"google-site-verification=abc\"\n"
      "@ TXT \"v=spf1 -all\"\n"
      "_spf TXT \"v=spf1 ip6:nonsense -all\"\n"
      "repeat TXT \"v=DMARC1; p=none\"\nrepeat TXT \"v=DMARC1; p=none\"\n");
  const auto shared = model.derived.get<TxtRecords>(model);
  CHECK(model.derived.get<TxtRecords>(model) == shared);
  const TxtRecords& txt = *shared;
  REQUIRE(txt.sets.size() == 3);
  CHECK(model.name(txt.sets[0].owner) == "example.com.");
  CHECK(txt.sets[0].end - txt.sets[0].begin == 3);
  CHECK(txt.sets[2].end - txt.sets[2].begin == 1);  // a repeated record is in its RRset once

  const TxtRecord& joined = txt.records[txt.sets[0].begin];
  CHECK(joined.text == "v=spf1 include:_spf.example.com ip4:192.0.2.0/24 -all");
  REQUIRE(joined.spf_terms().size() == 3);
  CHECK(joined.spf_terms()[0].kind == SpfKind::include);
  CHECK(joined.spf_terms()[0].domain == "_spf.example.com");
  CHECK(joined.spf_terms()[2].text == "-all");
  CHECK(joined.spf_problems().empty());

  const TxtRecord& other = txt.records[txt.sets[0].begin + 1];
  CHECK(other.spf_terms().empty());
  const TxtRecord& short_spf = txt.records[txt.sets[0].begin + 2];
  REQUIRE(short_spf.spf_terms().size() == 1);
  CHECK(short_spf.spf_terms()[0].kind == SpfKind::all);

  const TxtRecord& bad = txt.records[txt.sets[1].begin];
  REQUIRE(bad.spf_problems().size() == 1);
  CHECK(bad.spf_problems()[0].text == "ip6:nonsense");
  REQUIRE(bad.spf_terms().size() == 1);  // the terms that parsed

  std::vector<std::string> visited;
  for_each_txt_set(model, first_labels("_spf"), is_spf,
                   [&](const Zone&, NameId owner, std::span<const TxtRecord> records) {
                     visited.push_back(fmt::format("{} {}", model.name(owner), records.size()));
                   });
  CHECK(visited == std::vector<std::string>{"_spf.example.com. 1"});
}

TEST_CASE("names given as text are answered as a server would: exact, wildcard, CNAME, cut") {
  const Model model = model_of(
      "_spf TXT \"v=spf1 -all\"\n"
      "*._report._dmarc TXT \"v=DMARC1\"\n"
      "alias CNAME _spf\n"
      "sub NS ns.elsewhere.example.\n"
      "mail MX 10 mx1\nmail MX 20 mx2\n");
  CHECK(lookup_records(model, "_spf.example.com.", rrtype::TXT).records.size() == 1);
  CHECK(lookup_records(model, "alias.example.com.", rrtype::TXT).records.size() == 1);
  const RecordAnswer wildcard =
      lookup_records(model, "example.org._report._dmarc.example.com.", rrtype::TXT);
  CHECK(wildcard.zone != nullptr);
  CHECK(wildcard.records.size() == 1);
  const RecordAnswer missing = lookup_records(model, "nothing.example.com.", rrtype::TXT);
  CHECK(missing.zone != nullptr);  // in a loaded zone, and empty
  CHECK(missing.records.empty());
  CHECK(lookup_records(model, "x.sub.example.com.", rrtype::TXT).zone == nullptr);
  CHECK(lookup_records(model, "example.net.", rrtype::TXT).zone == nullptr);
  CHECK(lookup_records(model, "mail.example.com.", rrtype::MX).records.size() == 2);
}

TEST_CASE("owner filters pick owners by their first labels or by what a selector stands under") {
  CHECK(first_labels("_dmarc")("_dmarc.example.com."));
  CHECK(first_labels("_dmarc")("_DMARC.example.com."));
  CHECK_FALSE(first_labels("_dmarc")("_dmarcx.example.com."));
  CHECK_FALSE(first_labels("_dmarc")("x._dmarc.example.com."));
  CHECK(first_labels("_smtp._tls")("_smtp._tls.example.com."));
  CHECK(selector_under("_domainkey")("s1._domainkey.example.com."));
  CHECK(selector_under("_domainkey")("2020-06.pbsmtp._domainkey.example.com."));
  CHECK_FALSE(selector_under("_domainkey")("_domainkey.example.com."));
  CHECK_FALSE(selector_under("_domainkey")("s1.example.com."));
  CHECK(below_labels("_smtp._tls.example.com.", 2) == "example.com.");
}

}  // namespace
}  // namespace dnslint
