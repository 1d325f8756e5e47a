// The top-level domains that exist, from the Public Suffix List (Debian's publicsuffix package,
// read at build time by cmake/embed_top_level_domains.cmake).
#pragma once

#include <string_view>

namespace dnslint {

// True for a delegated top-level domain ("com", "de", "xn--p1ai"); the label in lower case.
bool is_top_level_domain(std::string_view lower_case_label);

}  // namespace dnslint
