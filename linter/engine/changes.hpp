// A run about a change (--against REV, the pre-commit hook): the whole repository is read, so
// that names resolve across files, and the report holds what the change since REV breaks:
// every finding in the files it touched, and the findings elsewhere that the files as REV
// had them do not give (an MX in an untouched zone whose exchange the change made a CNAME).
#pragma once

#include <string>

#include "linter/engine/engine.hpp"

namespace dnslint {

struct ChangeReport {
  LintResult result;
  std::size_t changed_files = 0;   // files that differ from the revision
  std::size_t older_findings = 0;  // findings outside them that the revision has too (left out)
};

// Lints `request` twice at most: as the files are, and, when there are findings outside the
// changed files, once more with the changed files as `revision` has them (through the
// overlay), to tell the findings the change caused from those it found. Throws InputError
// when git cannot answer.
ChangeReport lint_against(const LintRequest& request, const std::string& revision);

}  // namespace dnslint
