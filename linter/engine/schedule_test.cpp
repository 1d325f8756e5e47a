#include "linter/engine/schedule.hpp"

#include <doctest/doctest.h>

#include <vector>

#include "model/model.hpp"

namespace dnslint {
namespace {

int builds = 0;

struct TextsOfRecords {
  explicit TextsOfRecords(const Model&) { ++builds; }
};
struct AddressesOfHosts {
  explicit AddressesOfHosts(const Model&) {}
};

Rule reading(std::string_view id, std::vector<std::type_index> kinds) {
  Rule rule{id, "a rule", Severity::warning, "", {}, nullptr};
  rule.reads = std::move(kinds);
  return rule;
}

TEST_CASE("readers of derived data start first, one kind together, in the order given") {
  const Rule plain_a = reading("a", {});
  const Rule texts_b = reading("b", {typeid(TextsOfRecords)});
  const Rule hosts_c = reading("c", {typeid(AddressesOfHosts)});
  const Rule plain_d = reading("d", {});
  const Rule texts_e = reading("e", {typeid(TextsOfRecords), typeid(AddressesOfHosts)});
  const std::vector<const Rule*> rules{&plain_a, &texts_b, &hosts_c, &plain_d, &texts_e};
  const RuleSchedule schedule(rules);
  std::vector<std::string_view> order;
  for (std::size_t turn = 0; turn < rules.size(); ++turn)
    order.push_back(rules[schedule.rule_at(turn)]->id);
  CHECK(order == std::vector<std::string_view>{"b", "e", "c", "a", "d"});
}

TEST_CASE("derived data is released when its last reader is done, not before") {
  builds = 0;
  Model model;
  const Rule first = reading("first", {typeid(TextsOfRecords)});
  const Rule second = reading("second", {typeid(TextsOfRecords)});
  const Rule other = reading("other", {});
  const std::vector<const Rule*> rules{&first, &second, &other};
  const RuleSchedule schedule(rules);

  model.derived.get<TextsOfRecords>(model);
  schedule.done(0, model.derived);
  schedule.done(2, model.derived);  // a rule that reads nothing releases nothing
  model.derived.get<TextsOfRecords>(model);
  CHECK(builds == 1);  // still there for the second reader
  schedule.done(1, model.derived);
  model.derived.get<TextsOfRecords>(model);
  CHECK(builds == 2);  // gone after the last: asking again makes it anew
}

}  // namespace
}  // namespace dnslint
