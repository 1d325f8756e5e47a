// Inline suppression comments applied to a run's findings.
#pragma once

#include <vector>

#include "linter/engine/engine.hpp"
#include "model/finding.hpp"
#include "model/suppression.hpp"

namespace dnslint {

// Drops the findings that inline comments suppress (into `suppressed_out`, with the comment's
// reason), then reports suppressions that name an unknown rule or are no directive and, with
// `report_unused`, those that suppressed nothing; these reports can themselves be suppressed
// by a range around the comment.
void apply_suppressions(std::vector<Finding>& findings,
                        const std::vector<Suppression>& suppressions, bool report_unused,
                        std::vector<SuppressedFinding>& suppressed_out);

}  // namespace dnslint
