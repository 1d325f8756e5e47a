// "Did you mean": the known word closest to a mistyped one, for messages about unknown rule
// ids, options and keys.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dnslint {

// The candidate closest to `word` by edit distance (insertions, deletions, substitutions and
// transpositions), when it is close enough to be a typo of it: at most a third of its length,
// and at least 1, apart. Ties go to the first candidate.
std::optional<std::string_view> closest_match(std::string_view word,
                                              const std::vector<std::string_view>& candidates);

// " (did you mean 'x'?)" for the closest candidate, or "".
std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates);

// The ids of every rule, for did_you_mean.
std::vector<std::string_view> rule_ids();

}  // namespace dnslint
