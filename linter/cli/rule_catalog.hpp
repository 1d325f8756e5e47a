// `dnslint rules`: the list of rules as text, JSON or a Markdown table.
#pragma once

#include <string>
#include <string_view>

namespace dnslint {

std::string write_rule_list(std::string_view format);  // text, json or markdown

}  // namespace dnslint
