// Inline suppression comments in text formats (zone files use ';', YAML '#'):
//   ; dnslint-disable-next-line RULE[,RULE] -- reason   the next line that holds a record
//   ; dnslint-disable RULE[,RULE] -- reason             from here to dnslint-enable or the end
//   ; dnslint-enable [RULE[,RULE]]
// A directive without rules applies to every rule.
#pragma once

#include <string_view>
#include <vector>

#include "model/suppression.hpp"

namespace dnslint {

std::vector<Suppression> find_suppressions(std::string_view content, FileId file, char comment);

}  // namespace dnslint
