// Fixes: the edits findings carry (Finding::fix), turned into new file texts, unified diffs and
// SARIF replacements. --fix and --diff make only edits whose meaning is certain: a suggestion
// (Finding::fix_is_suggestion), an edit that overlaps another, or lines that hold more than the
// record to delete, are left alone.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "linter/engine/engine.hpp"

namespace dnslint {

// One file's text before and after its fixes.
struct FixedFile {
  std::string path;  // as reports show it
  std::string before;
  std::string after;
  std::size_t fixes = 0;
};

// The files `result`'s certain fixes would change, read from disk (or from
// result.unsaved_texts), in file order.
std::vector<FixedFile> plan_fixes(const LintResult& result);

// A unified diff (`diff -u`, three lines of context) of one file's fixes.
std::string unified_diff(const FixedFile& file);

// The fix of one finding as SARIF and LSP give it: the region it replaces (end exclusive; an
// empty region inserts) and the text it writes there. Suggestions among them are marked on
// their finding (Finding::fix_is_suggestion).
struct FindingFix {
  const Finding* finding;
  SourceLocation deleted;
  std::string inserted;
};
std::vector<FindingFix> offered_fixes(const LintResult& result);

// A byte range of a text and what replaces it.
struct TextEdit {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string text;
};
// The edit a finding's fix makes in `text` (the finding's file), or none when the lines are not
// as the fix needs them.
std::optional<TextEdit> edit_of(const Finding& finding, std::string_view text);

}  // namespace dnslint
