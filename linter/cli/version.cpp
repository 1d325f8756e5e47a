#include "linter/cli/version.hpp"

#include "commit.hpp"

namespace dnslint {

std::string version_text() {
  std::string text = "dnslint " + std::string(kVersion);
  const std::string_view commit = DNSLINT_COMMIT;
  if (!commit.empty()) text += " (commit " + std::string(commit) + ")";
  return text;
}

}  // namespace dnslint
