// Inline suppression comments in text formats (zone files use ';', YAML '#'):
//   ; dnslint-disable-next-line RULE[,RULE] -- reason   the next line that holds a record
//   ; dnslint-disable RULE[,RULE] -- reason             from here to dnslint-enable or the end
//   ; dnslint-enable [RULE[,RULE]]
// A directive without rules applies to every rule.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "model/suppression.hpp"

namespace dnslint {

std::vector<Suppression> find_suppressions(std::string_view content, FileId file, char comment);

// JSON has no comments: a Terraform JSON block holds `"//": "dnslint-disable RULE -- reason"`,
// which suppresses findings on the block's lines [first_line, last_line]. nullopt when
// `comment` is not a suppression.
std::optional<Suppression> block_suppression(std::string_view comment, const SourceLocation& at,
                                             std::uint32_t first_line, std::uint32_t last_line);

}  // namespace dnslint
