// Inline suppression comments in text formats (zone files use ';', YAML '#'):
//   ; dnslint-disable-next-line RULE[,RULE] -- reason   the next line that holds a record
//   ; dnslint-disable RULE[,RULE] -- reason             from here to dnslint-enable or the end
//   ; dnslint-enable [RULE[,RULE]]
// A directive without rules applies to every rule.
#pragma once

#include <functional>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "model/suppression.hpp"

namespace dnslint {

std::vector<Suppression> find_suppressions(std::string_view content, FileId file, char comment);

// A comment's text (after its marker) and where it stands, for formats whose parser finds the
// comments itself.
struct SuppressionComment {
  std::string_view text;
  SourceLocation at;
};

// The suppressions that `comments` (in file order) state. `next_code(line)` gives the lines a
// next-line directive covers when the first line after it is `line` or later: the next
// record's line in a zone file, a whole block or attribute in HCL.
std::vector<Suppression> suppressions_from_comments(
    const std::vector<SuppressionComment>& comments,
    const std::function<std::pair<std::uint32_t, std::uint32_t>(std::uint32_t line)>& next_code);

// JSON has no comments: a Terraform JSON block holds `"//": "dnslint-disable RULE -- reason"`,
// which suppresses findings on the block's lines [first_line, last_line]. nullopt when
// `comment` is not a suppression.
std::optional<Suppression> block_suppression(std::string_view comment, const SourceLocation& at,
                                             std::uint32_t first_line, std::uint32_t last_line);

}  // namespace dnslint
