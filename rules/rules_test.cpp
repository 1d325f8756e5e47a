// Rule logic over small models read from zone text. The fixture folders under tests/rules/
// cover each rule end to end; these tests pin down the shared lookups and rule options.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include "formats/zone/zone_reader.hpp"
#include "model/lookup.hpp"
#include "rules/common.hpp"
#include "rules/rule.hpp"
#include "rules/rules_testing.hpp"

namespace dnslint {
namespace {

constexpr std::string_view kHead =
    "$TTL 300\n@ SOA ns.example.com. host.example.com. 1 2 3 4 5\n@ NS ns1\n@ NS ns2\n";

Model model_of(std::string_view text) {
  return testing::model_of_zone(std::string(kHead) + std::string(text));
}

std::vector<Finding> run(std::string_view id, const Model& model, RuleOptions options = {}) {
  const Rule* rule = find_rule(id);
  REQUIRE(rule != nullptr);
  for (const OptionSpec& spec : rule->options) {
    try {
      (void)options.integer(spec.name);
    } catch (...) {
      try {
        (void)options.strings(spec.name);
      } catch (...) {
        options.set(std::string(spec.name), spec.default_value);
      }
    }
  }
  Reporter reporter(rule->id, model);
  rule->check(model, options, reporter);
  const FindingLog log = reporter.take();
  std::vector<Finding> findings(log.size());
  log.decode_into(findings);
  return findings;
}

NameId id(const Model& model, std::string_view name) {
  auto found = model.names.find(name);
  REQUIRE(found);
  return *found;
}

}  // namespace

TEST_CASE("resolve follows CNAME and DNAME and finds addresses, wildcards and cuts") {
  const Model model = model_of(
      "mail CNAME host\nhost A 192.0.2.1\nhost AAAA 2001:db8::1\n*.wild A 192.0.2.2\n"
      "old DNAME example.net.\nsub NS ns.other.\nx.sub A 192.0.2.3\nloop CNAME loop\n"
      "@ MX 10 a.old\n");
  const Zone* zone = &model.zones[0];

  const Resolution mail = resolve(model, id(model, "mail.example.com."), zone);
  CHECK(mail.aliases.size() == 1);
  CHECK(mail.final_records.size() == 2);
  CHECK(mail.has_addresses());
  CHECK(mail.authoritative());

  const NameId below_dname = std::get<MxData>(zone->records.back().rdata).exchange.name;
  const Resolution renamed = resolve(model, below_dname, zone);
  REQUIRE(renamed.aliases.size() == 1);
  CHECK(renamed.aliases[0]->type == rrtype::DNAME);
  CHECK(renamed.zone == nullptr);  // a.example.net. is not in any loaded zone

  const Resolution cut = resolve(model, id(model, "x.sub.example.com."), zone);
  CHECK(cut.delegated);

  const Resolution loop = resolve(model, id(model, "loop.example.com."), zone);
  CHECK(loop.loop);
  CHECK_FALSE(loop.authoritative());
}

TEST_CASE("resolve finds loops longer than the names it keeps without allocating") {
  std::string zone_text;
  for (int i = 0; i < 12; ++i) zone_text += fmt::format("c{} CNAME c{}\n", i, (i + 1) % 12);
  zone_text += "tail CNAME c0\n";
  const Model model = model_of(zone_text);
  const Resolution loop = resolve(model, id(model, "tail.example.com."), &model.zones[0]);
  CHECK(loop.loop);
  CHECK(loop.aliases.size() == 13);
  const Resolution bounded = resolve(model, id(model, "tail.example.com."), &model.zones[0], 5);
  CHECK(bounded.too_long);
  CHECK_FALSE(bounded.loop);
}

TEST_CASE("a wildcard answers for names that do not exist, not for names that do") {
  const Model model = model_of("*.wild A 192.0.2.2\nthere.wild TXT \"x\"\nmx MX 10 a.wild\n");
  const Zone& zone = model.zones[0];
  const Answer there = find_answer(model, zone, id(model, "there.wild.example.com."));
  CHECK_FALSE(there.via_wildcard);
  const NameId a = std::get<MxData>(zone.records.back().rdata).exchange.name;
  const Answer synthesized = find_answer(model, zone, a);
  CHECK(synthesized.via_wildcard);
  CHECK(synthesized.records.size() == 1);
}

TEST_CASE("the reporter stamps the rule id, zone, owner and type") {
  const Model model = model_of("@ MX 10 mail\nmail CNAME host\nhost A 192.0.2.1\n");
  const auto findings = run("mx-target-cname", model);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].rule == "mx-target-cname");
  CHECK_FALSE(findings[0].unconfirmed);
  CHECK(findings[0].zone == "example.com.");
  CHECK(findings[0].owner == "example.com.");
  CHECK(findings[0].type == "MX");
  REQUIRE(findings[0].related.size() == 1);
  CHECK(findings[0].related[0].message == "CNAME defined here");
  CHECK(findings[0].related[0].location.line == 6);
}

TEST_CASE("the reporter shares repeated texts and never mixes up owners, types or messages") {
  const Model model = model_of("a A 192.0.2.1\na MX 10 x\nb MX 10 y\n");
  const Zone& zone = model.zones[0];
  Reporter reporter("test-rule", model);
  std::vector<const Record*> records;
  for (const Record& record : zone.records) {
    if (record.owner == id(model, "a.example.com.") || record.owner == id(model, "b.example.com."))
      records.push_back(&record);
  }
  REQUIRE(records.size() == 3);
  for (const Record* record : records) {
    OpenFinding& finding = reporter.report(zone, *record, "m");
    reporter.relate(finding, record->location, "first here");
    reporter.relate(finding, record->location, std::string(model.name(record->owner)));
  }
  const FindingLog log = reporter.take();
  std::vector<Finding> findings(log.size());
  log.decode_into(findings);
  REQUIRE(findings.size() == 3);
  CHECK(findings[0].owner == "a.example.com.");
  CHECK(findings[0].type == "A");
  CHECK(findings[1].owner == "a.example.com.");
  CHECK(findings[1].type == "MX");
  CHECK(findings[2].owner == "b.example.com.");
  CHECK(findings[2].type == "MX");
  // One text for the repeats: the zone, the owner of the first two, the type of the last two.
  CHECK(findings[0].zone.view().data() == findings[2].zone.view().data());
  CHECK(findings[0].owner.view().data() == findings[1].owner.view().data());
  CHECK(findings[1].type.view().data() == findings[2].type.view().data());
  for (const Finding& finding : findings) {
    REQUIRE(finding.related.size() == 2);
    CHECK(finding.related[0].message == "first here");
    CHECK(finding.related[1].message == finding.owner);
  }
}

TEST_CASE("mx-missing-backup honours its minimum and exempt patterns") {
  const Model model = model_of("@ MX 10 mx1\n@ MX 20 mx2\nsub MX 10 relay.mail.example.net.\n");
  CHECK(run("mx-missing-backup", model).size() == 1);

  RuleOptions three;
  three.set("minimum", std::int64_t{3});
  three.set("exempt", std::vector<std::string>{"*.mail.example.net"});
  const auto findings = run("mx-missing-backup", model, three);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].owner == "example.com.");
}

TEST_CASE("mx-circular reports every MX whose owner is on a loop, in bounded time") {
  std::string text;
  for (int i = 0; i < 200; ++i)
    text += "@ MX 10 m" + std::to_string(i) + "\nm" + std::to_string(i) + " MX 10 @\n";
  const Model model = model_of(text);
  // 200 MX at the apex, each back through m<i>, and the MX of every m<i>.
  CHECK(run("mx-circular", model).size() == 400);
}

}  // namespace dnslint

namespace dnslint {

TEST_CASE("exchange patterns: whole names, any one label, every name below") {
  const NamePatterns patterns(
      {"smtp.google.com", "inbound-smtp.*.amazonaws.com.", "*.Mail.Protection.Outlook.com."});
  CHECK(patterns.matches("smtp.google.com."));
  CHECK_FALSE(patterns.matches("alt1.smtp.google.com."));
  CHECK(patterns.matches("inbound-smtp.eu-west-1.amazonaws.com."));
  CHECK_FALSE(patterns.matches("inbound-smtp.amazonaws.com."));
  CHECK_FALSE(patterns.matches("inbound-smtp.a.b.amazonaws.com."));
  CHECK(patterns.matches("example-com.mail.protection.outlook.com."));
  CHECK(patterns.matches("a.b.mail.protection.outlook.com."));
  CHECK_FALSE(patterns.matches("mail.protection.outlook.com."));
  CHECK_FALSE(NamePatterns({}).matches("example.com."));
  CHECK(NamePatterns({"*."}).matches("example.com."));
}

}  // namespace dnslint

namespace dnslint {
namespace {

// A zone of `text` whose files say it is dynamic, partial or of no known name.
Model incomplete_model(std::string_view text, bool dynamic, bool root_origin) {
  Model model = model_of(text);
  Zone& zone = model.zones[0];
  zone.complete = false;
  zone.dynamic = dynamic;
  if (root_origin) zone.origin = model.names.intern(".");
  return model;
}

TEST_CASE("an absence where the files do not define the zone whole is a note that says why") {
  const std::string_view text = "_acme-challenge CNAME www.acme.example.com.\n";
  const auto whole = run("cname-target-missing", model_of(text));
  REQUIRE(whole.size() == 1);
  CHECK_FALSE(whole[0].unconfirmed);

  const auto dynamic = run("cname-target-missing", incomplete_model(text, true, false));
  REQUIRE(dynamic.size() == 1);
  CHECK(dynamic[0].unconfirmed);
  CHECK(dynamic[0].message.view().find("zone example.com. is dynamic") != std::string_view::npos);

  const auto partial = run("cname-target-missing", incomplete_model(text, false, false));
  REQUIRE(partial.size() == 1);
  CHECK(partial[0].message.view().find("define only part of zone example.com.") !=
        std::string_view::npos);

  // Files that name no zone never speak of "part of zone .".
  const auto nameless = run("cname-target-missing", incomplete_model(text, false, true));
  REQUIRE(nameless.size() == 1);
  for (const Finding& finding : nameless) {
    CHECK(finding.message.view().find("zone .") == std::string_view::npos);
    CHECK(finding.message.view().find("do not say what zone") != std::string_view::npos);
  }
}

}  // namespace
}  // namespace dnslint
