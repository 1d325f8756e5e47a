#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "linter/cli/rule_docs.hpp"
#include "model/reported_rules.hpp"
#include "rules/mail_records.hpp"
#include "rules/rule.hpp"
#include "rules/rules_testing.hpp"

namespace dnslint {

TEST_CASE("the registry is sorted, unique and complete") {
  const auto& rules = all_rules();
  REQUIRE_FALSE(rules.empty());
  for (std::size_t i = 1; i < rules.size(); ++i) CHECK(rules[i - 1].id < rules[i].id);
  for (const Rule& rule : rules) {
    CAPTURE(rule.id);
    CHECK_FALSE(rule.summary.empty());
    CHECK_FALSE(rule.rfc.empty());
    CHECK(find_rule(rule.id) == &rule);
    // Reported by the readers and the engine rather than by a check over the model.
    const bool reported_elsewhere =
        std::find(rule_id::reported_elsewhere.begin(), rule_id::reported_elsewhere.end(),
                  rule.id) != rule_id::reported_elsewhere.end();
    // The live rules' findings come from `dnslint verify` (live/).
    CHECK((rule.check == nullptr) == (reported_elsewhere || rule.live));
  }
  CHECK(find_rule("no-such-rule") == nullptr);
}

TEST_CASE("a rule declares the derived data it reads, and reads what it declares") {
  // Each kind of record that derived data is made of, so that every rule that reads some does.
  const std::string zone =
      "@ SOA ns1 hostmaster 1 7200 3600 1209600 300\n@ NS ns1\nns1 A 192.0.2.1\n"
      "@ MX 10 mail\nmail A 192.0.2.2\n"
      "@ TXT \"v=spf1 include:_spf.example.com -all\"\n_spf TXT \"v=spf1 ip4:192.0.2.0/24 -all\"\n"
      "_dmarc TXT \"v=DMARC1; p=reject; rua=mailto:d@example.net\"\n"
      "s1._domainkey TXT \"v=DKIM1; k=rsa; p=\"\n_mta-sts TXT \"v=STSv1; id=1\"\n"
      "_smtp._tls TXT \"v=TLSRPTv1; rua=mailto:t@example.com\"\n";
  const std::vector<std::type_index> derived_kinds{typeid(TxtRecords)};
  for (const Rule& rule : all_rules()) {
    if (rule.check == nullptr) continue;
    CAPTURE(rule.id);
    const Model model = testing::model_of_zone(zone);
    RuleOptions defaults;
    for (const OptionSpec& option : rule.options)
      defaults.set(std::string(option.name), option.default_value);
    Reporter reporter(rule.id, model);
    rule.check(model, defaults, reporter);
    for (const std::type_index& kind : derived_kinds) {
      const bool declared =
          std::find(rule.reads.begin(), rule.reads.end(), kind) != rule.reads.end();
      CHECK(model.derived.holds(kind) == declared);
    }
  }
}

TEST_CASE("every rule has a docs page and a fixture folder, and nothing else does") {
  std::set<std::string> ids;
  for (const Rule& rule : all_rules()) ids.emplace(rule.id);

  std::set<std::string> documented;
  for (auto id : documented_rule_ids()) documented.emplace(id);
  CHECK(documented == ids);

  namespace fs = std::filesystem;
  const fs::path fixtures = fs::path(DNSLINT_SOURCE_DIR) / "tests" / "rules";
  std::set<std::string> folders;
  for (const auto& entry : fs::directory_iterator(fixtures)) {
    if (!entry.is_directory()) continue;
    const std::string id = entry.path().filename().string();
    folders.insert(id);
    bool has_bad = false;
    bool has_good = false;
    for (const auto& file : fs::directory_iterator(entry.path())) {
      const std::string name = file.path().filename().string();
      has_bad |= name.starts_with("bad-");
      has_good |= name.starts_with("good-");
    }
    CAPTURE(id);
    CHECK(has_bad);
    CHECK(has_good);
  }
  CHECK(folders == ids);
}

TEST_CASE("docs pages have the sections a user looks for") {
  for (const Rule& rule : all_rules()) {
    CAPTURE(rule.id);
    const auto doc = rule_documentation(rule.id);
    REQUIRE(doc);
    CHECK(doc->starts_with("# " + std::string(rule.id)));
    // The page states the severity the rule has.
    CHECK(doc->find(fmt::format("Default severity: **{}**.", severity_name(rule.severity))) !=
          std::string_view::npos);
    for (std::string_view section :
         {"## Why", "## Bad", "## Good", "## Options", "## References"}) {
      CAPTURE(section);
      CHECK(doc->find(section) != std::string_view::npos);
    }
    for (const OptionSpec& option : rule.options) {
      const std::string quoted = fmt::format("`{}`", option.name);
      CHECK(doc->find(quoted) != std::string_view::npos);
    }
  }
}

}  // namespace dnslint
