// The version and home of the project.
#pragma once

#include <string>
#include <string_view>

namespace dnslint {

#ifndef DNSLINT_VERSION
#define DNSLINT_VERSION "0.0.0"
#endif

inline constexpr std::string_view kVersion = DNSLINT_VERSION;

// "dnslint 0.1.0 (commit 1a2b3c4d5e6f)": what --version prints.
std::string version_text();

// Where the project lives, and a rule's documentation page there.
inline constexpr std::string_view kRepositoryUri = "https://github.com/dnslint/dnslint";
// Where `cmake --install` and the package put the documentation.
inline constexpr std::string_view kInstalledDocs = DNSLINT_DOCDIR;
inline std::string rule_docs_uri(std::string_view id) {
  return std::string(kRepositoryUri) + "/blob/main/docs/rules/" + std::string(id) + ".md";
}

}  // namespace dnslint
