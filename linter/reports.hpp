// Report writers. Each returns the whole report as text; the caller decides where it goes.
#pragma once

#include <string>

#include "linter/engine.hpp"

namespace dnslint {

// `path:line:column: severity: message [rule-id]`, one line per finding: the form Vim's
// errorformat, GitHub problem matchers and most editors read.
std::string write_text(const LintResult& result, bool color);

// One line for standard error: counts of findings, files, zones and records.
std::string write_summary(const LintResult& result);

// The JSON report (version 1): tool, findings, summary.
std::string write_json(const LintResult& result);

}  // namespace dnslint
