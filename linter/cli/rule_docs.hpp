// Rule documentation compiled into the binary from docs/rules/<id>.md.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace dnslint {

std::optional<std::string_view> rule_documentation(std::string_view id);
std::vector<std::string_view> documented_rule_ids();

}  // namespace dnslint
