// The order in which a run's rules start, and when the derived data they read goes.
#pragma once

#include <atomic>
#include <cstddef>
#include <map>
#include <memory>
#include <typeindex>
#include <vector>

#include "model/derived.hpp"
#include "rules/rule.hpp"

namespace dnslint {

// The rules that read derived data (Rule::reads) start first, those that read one kind one
// after another, and the data is released as soon as the last of its readers is done: it is
// then not in memory beside the work of the rules that start after that, where a run's peak
// lies (their findings and working sets). Within each group, rules start in the order given.
class RuleSchedule {
 public:
  explicit RuleSchedule(const std::vector<const Rule*>& rules);

  // The rule (an index into the list given) that starts `turn`th.
  std::size_t rule_at(std::size_t turn) const { return order_[turn]; }

  // Called by each rule when its check returns, from any thread.
  void done(std::size_t rule, DerivedData& derived) const;

 private:
  std::vector<std::size_t> order_;
  const std::vector<const Rule*>& rules_;
  // How many readers of each kind have yet to finish.
  std::map<std::type_index, std::unique_ptr<std::atomic<std::size_t>>> readers_left_;
};

}  // namespace dnslint
