// Path globs for .dnslint.yaml: `*` and `?` match within one path segment, `**` any number of
// segments (`zones/**/*.zone`), `[abc]` one of the characters. Paths use '/'.
#pragma once

#include <string_view>

namespace dnslint {

bool glob_match(std::string_view pattern, std::string_view path);

}  // namespace dnslint
