// Report writers. Each returns the whole report as text; the caller decides where it goes.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "linter/engine/engine.hpp"

namespace dnslint {

// A size on the high side for a report of the findings, estimated from a sample of them:
// their text (file names, messages, names, related locations) plus `per_finding` and
// `per_related` bytes for what the format adds. Writers reserve it so that a report of 200,000
// findings is never copied as it grows; room reserved and never written costs address space, not
// memory.
std::size_t report_size_hint(const LintResult& result, std::size_t per_finding,
                             std::size_t per_related);

// `path:line:column: severity: message [rule-id]`, one line per finding: the form Vim's
// errorformat, GitHub problem matchers and most editors read.
std::string write_text(const LintResult& result, bool color);

// One line for standard error: counts of findings, files, zones and records.
std::string write_summary(const LintResult& result);

// The run's file names as reports print them (model/printable.hpp): a name may hold any byte.
std::vector<std::string> printable_files(const LintResult& result);

// "1 file", "3 files".
std::string plural(std::size_t count, std::string_view word);

// The JSON report (version 1): tool, findings, summary.
std::string write_json(const LintResult& result);

// SARIF 2.1.0 for GitHub code scanning and SARIF viewers.
// With `include_suppressed`, findings silenced by inline comments are added with SARIF
// `suppressions` (kind inSource and the comment's reason).
std::string write_sarif(const LintResult& result, bool include_suppressed = false);

// GitHub Actions workflow commands (`::error file=…,line=…::message`), one per finding.
std::string write_github(const LintResult& result);

// GitLab Code Quality report: a JSON array with a fingerprint per finding.
std::string write_gitlab(const LintResult& result);

// JUnit XML for CI test tabs: a test suite per file, a failing case per error or warning.
std::string write_junit(const LintResult& result);

// Markdown for a GitHub step summary: the counts and a table of the findings.
std::string write_markdown(const LintResult& result);

// The number of findings per rule, most frequent first (--statistics).
std::string write_statistics(const LintResult& result);

// `path:line:column: severity: message [rule-id]` as write_text, each line followed by the
// source line it points at and a caret under the column where `source_line` knows it.
std::string write_text_with_source(
    const LintResult& result, bool color,
    const std::function<std::optional<std::string>(FileId file, std::uint32_t line)>& source_line);

// One fingerprint per finding, unique within the report and stable when lines move.
std::vector<std::string> stable_fingerprints(const LintResult& result);

}  // namespace dnslint
