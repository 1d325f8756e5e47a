#include "model/derived.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "model/model.hpp"

namespace dnslint {
namespace {

std::atomic<int> builds{0};

// Derived data that counts how often it is made and remembers the model's size then.
struct ZoneCount {
  explicit ZoneCount(const Model& model) : zones(model.zones.size()) { ++builds; }
  std::size_t zones;
};

struct OtherData {
  explicit OtherData(const Model&) {}
};

TEST_CASE("derived data is made once, by the first rule that asks, and shared by all") {
  builds = 0;
  Model model;
  model.zones.resize(3);
  std::vector<const ZoneCount*> seen(8);
  std::vector<std::thread> rules;
  for (std::size_t i = 0; i < seen.size(); ++i) {
    rules.emplace_back([&, i] { seen[i] = model.derived.get<ZoneCount>(model).get(); });
  }
  for (std::thread& rule : rules) rule.join();
  CHECK(builds == 1);
  for (const ZoneCount* count : seen) {
    CHECK(count == seen.front());
    CHECK(count->zones == 3);
  }
  // Another type is another value.
  CHECK(static_cast<const void*>(model.derived.get<OtherData>(model).get()) !=
        static_cast<const void*>(seen.front()));
  CHECK(builds == 1);
}

TEST_CASE("derived data is made again once the model's indexes are built anew") {
  builds = 0;
  Model model;
  CHECK(model.derived.get<ZoneCount>(model)->zones == 0);
  model.zones.resize(2);
  CHECK(model.derived.get<ZoneCount>(model)->zones == 0);  // kept until the model is rebuilt
  model.build_indexes();
  CHECK(model.derived.get<ZoneCount>(model)->zones == 2);
  CHECK(builds == 2);
}

TEST_CASE(
    "released data lives on with the rule that still reads it, and is made again when asked") {
  builds = 0;
  Model model;
  const auto reading = model.derived.get<ZoneCount>(model);
  model.derived.release(typeid(ZoneCount));
  CHECK(reading->zones == 0);  // still whole for the rule that holds it
  model.zones.resize(4);
  const auto again = model.derived.get<ZoneCount>(model);
  CHECK(again.get() != reading.get());
  CHECK(again->zones == 4);
  CHECK(builds == 2);
  // Releasing one type keeps the others.
  const auto other = model.derived.get<OtherData>(model);
  model.derived.release(typeid(ZoneCount));
  CHECK(model.derived.get<OtherData>(model) == other);
}

TEST_CASE("a model moves with what was derived from it") {
  builds = 0;
  Model model;
  model.zones.resize(1);
  const ZoneCount* before = model.derived.get<ZoneCount>(model).get();
  Model moved = std::move(model);
  CHECK(moved.derived.get<ZoneCount>(moved).get() == before);
  CHECK(builds == 1);
}

}  // namespace
}  // namespace dnslint
