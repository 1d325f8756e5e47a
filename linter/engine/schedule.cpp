#include "linter/engine/schedule.hpp"

#include <algorithm>
#include <numeric>

namespace dnslint {

RuleSchedule::RuleSchedule(const std::vector<const Rule*>& rules) : rules_(rules) {
  for (const Rule* rule : rules) {
    for (const std::type_index& kind : rule->reads) {
      auto& left = readers_left_[kind];
      if (left == nullptr) left = std::make_unique<std::atomic<std::size_t>>(0);
      ++*left;
    }
  }
  // A rule's group is the first kind it reads, numbered in order of first appearance; rules
  // that read nothing come last.
  std::map<std::type_index, std::size_t> group_of_kind;
  std::vector<std::size_t> group(rules.size(), rules.size());
  for (std::size_t i = 0; i < rules.size(); ++i) {
    if (rules[i]->reads.empty()) continue;
    group[i] =
        group_of_kind.try_emplace(rules[i]->reads.front(), group_of_kind.size()).first->second;
  }
  order_.resize(rules.size());
  std::iota(order_.begin(), order_.end(), std::size_t{0});
  std::stable_sort(order_.begin(), order_.end(),
                   [&](std::size_t a, std::size_t b) { return group[a] < group[b]; });
}

void RuleSchedule::done(std::size_t rule, DerivedData& derived) const {
  for (const std::type_index& kind : rules_[rule]->reads) {
    if (--*readers_left_.at(kind) == 0) derived.release(kind);
  }
}

}  // namespace dnslint
