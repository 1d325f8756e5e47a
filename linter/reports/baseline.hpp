// Baselines: a team adopting dnslint on a large repository records today's findings once
// (--write-baseline) and from then on only new findings are reported (--baseline). Entries are
// the line-independent fingerprints of the findings, so moving lines or reordering records
// does not resurrect them; a fixed finding leaves the baseline on its next write.
#pragma once

#include <set>
#include <string>

#include "linter/engine/engine.hpp"

namespace dnslint {

std::string write_baseline(const LintResult& result);

// The fingerprints in a baseline file; throws ConfigError when it cannot be read.
std::set<std::string> read_baseline(const std::string& path);

// Drops the findings the baseline holds and recounts the summary; returns how many.
std::size_t apply_baseline(LintResult& result, const std::set<std::string>& baseline);

}  // namespace dnslint
