#include "linter/fix/fix.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "linter/inputs/files.hpp"
#include "linter/inputs/paths.hpp"

namespace dnslint {
namespace {

// Offsets of each line's start, and one past the text's end.
std::vector<std::size_t> line_starts(std::string_view text) {
  std::vector<std::size_t> starts{0};
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') starts.push_back(i + 1);
  }
  if (starts.back() != text.size()) starts.push_back(text.size());
  return starts;
}

std::optional<std::size_t> offset_of(const std::vector<std::size_t>& starts, std::uint32_t line,
                                     std::uint32_t column) {
  if (line == 0 || line >= starts.size()) return std::nullopt;
  const std::size_t offset = starts[line - 1] + (column == 0 ? 0 : column - 1);
  return offset <= starts[line] ? std::optional(offset) : std::nullopt;
}

bool blank(std::string_view text) {
  return text.find_first_not_of(" \t\r") == std::string_view::npos;
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    end = end == std::string_view::npos ? text.size() : end + 1;
    lines.push_back(text.substr(start, end - start));
    start = end;
  }
  return lines;
}

}  // namespace

std::optional<TextEdit> edit_of(const Finding& finding, std::string_view text) {
  const SourceLocation& at = finding.location;
  const auto starts = line_starts(text);
  switch (finding.fix) {
    case FixKind::none:
      return std::nullopt;
    case FixKind::replace_focus:
    case FixKind::append_to_focus: {
      const auto begin = offset_of(starts, at.line, at.column);
      const auto end = offset_of(starts, at.end_line, at.end_column);
      if (!begin || !end || *end < *begin) return std::nullopt;
      if (finding.fix == FixKind::append_to_focus)
        return TextEdit{*end, *end, std::string(std::string_view(finding.fix_text))};
      return TextEdit{*begin, *end, std::string(std::string_view(finding.fix_text))};
    }
    case FixKind::delete_lines: {
      if (at.line == 0 || at.end_line >= starts.size()) return std::nullopt;
      const std::size_t first = starts[at.line - 1];
      const std::size_t last = starts[at.end_line];  // the start of the line after
      const auto begin = offset_of(starts, at.line, at.column);
      const auto end = offset_of(starts, at.end_line, at.end_column);
      if (!begin || !end) return std::nullopt;
      // Nothing but white space before the record, and white space or a comment after it.
      const std::string_view before = text.substr(first, *begin - first);
      std::string_view after = text.substr(*end, last - *end);
      if (!blank(before)) return std::nullopt;
      if (const std::size_t rest = after.find_first_not_of(" \t\r\n");
          rest != std::string_view::npos && after[rest] != ';')
        return std::nullopt;
      // RFC 1035 §5.1: a record whose owner is blank takes the owner of the line before. When
      // the deleted record names its owner and the next record leaves its own blank, or the
      // file has no $TTL (records may take their TTL from the one before), deleting would
      // change another record: no fix.
      const bool names_owner =
          !before.empty() || (text.size() > first && text[first] != ' ' && text[first] != '\t');
      if (names_owner && before.empty()) {
        for (std::size_t line = at.end_line + 1; line < starts.size(); ++line) {
          const std::string_view next =
              text.substr(starts[line - 1], starts[line] - starts[line - 1]);
          if (blank(next) || next.find_first_not_of(" \t") == next.find(';')) continue;
          if (next.front() == ' ' || next.front() == '\t') return std::nullopt;
          break;
        }
      }
      if (text.find("$TTL") == std::string_view::npos) return std::nullopt;
      return TextEdit{first, last, ""};
    }
  }
  return std::nullopt;
}

namespace {

// One file's text and the edits of its findings that will be made: sorted, none overlapping.
struct FilePlan {
  FileId file = 0;
  std::string text;
  std::vector<std::pair<const Finding*, TextEdit>> edits;
};

// `with_suggestions`: the fixes that are one likely meaning too, not only the certain ones.
std::vector<FilePlan> plan(const LintResult& result, bool with_suggestions) {
  std::map<FileId, std::vector<const Finding*>> by_file;
  for (const Finding& finding : result.findings) {
    if (finding.fix != FixKind::none && (with_suggestions || !finding.fix_is_suggestion))
      by_file[finding.location.file].push_back(&finding);
  }
  const PathDisplay display(result.path_root);
  std::vector<FilePlan> plans;
  for (const auto& [file, findings] : by_file) {
    FilePlan file_plan;
    file_plan.file = file;
    const std::string& path = result.files[file];
    if (auto kept = result.unsaved_texts.find(path); kept != result.unsaved_texts.end()) {
      file_plan.text = kept->second;
    } else {
      try {
        file_plan.text = read_whole_file(display.resolve(path));
      } catch (const InputError&) {
        continue;
      }
    }
    std::vector<std::pair<const Finding*, TextEdit>> edits;
    for (const Finding* finding : findings) {
      if (auto edit = edit_of(*finding, file_plan.text)) edits.emplace_back(finding, *edit);
    }
    std::stable_sort(edits.begin(), edits.end(), [](const auto& a, const auto& b) {
      return std::tie(a.second.begin, a.second.end) < std::tie(b.second.begin, b.second.end);
    });
    // An edit that overlaps the one before is left out: applying both is not certain. The
    // same edit twice (two findings, one fix) is made once.
    for (auto& [finding, edit] : edits) {
      if (!file_plan.edits.empty()) {
        const TextEdit& last = file_plan.edits.back().second;
        if (edit.begin == last.begin && edit.end == last.end && edit.text == last.text) continue;
        if (edit.begin < last.end || (edit.begin == last.begin && edit.begin == edit.end)) continue;
      }
      file_plan.edits.emplace_back(finding, std::move(edit));
    }
    if (!file_plan.edits.empty()) plans.push_back(std::move(file_plan));
  }
  return plans;
}

SourceLocation location_of(FileId file, std::string_view text, std::size_t begin, std::size_t end) {
  const auto position = [&](std::size_t offset) {
    const std::size_t line_start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
    const std::size_t start =
        offset == 0 || line_start == std::string_view::npos ? 0 : line_start + 1;
    const auto line = static_cast<std::uint32_t>(
        std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(start), '\n') + 1);
    return std::pair{line, static_cast<std::uint32_t>(offset - start + 1)};
  };
  const auto [line, column] = position(begin);
  const auto [end_line, end_column] = position(end);
  return {file, line, column, end_line, end_column};
}

}  // namespace

std::vector<FixedFile> plan_fixes(const LintResult& result) {
  std::vector<FixedFile> files;
  for (const FilePlan& file_plan : plan(result, false)) {
    FixedFile fixed{result.files[file_plan.file], file_plan.text, file_plan.text,
                    file_plan.edits.size()};
    for (auto edit = file_plan.edits.rbegin(); edit != file_plan.edits.rend(); ++edit)
      fixed.after.replace(edit->second.begin, edit->second.end - edit->second.begin,
                          edit->second.text);
    if (fixed.after != fixed.before) files.push_back(std::move(fixed));
  }
  return files;
}

std::vector<FindingFix> offered_fixes(const LintResult& result) {
  std::vector<FindingFix> fixes;
  for (const FilePlan& file_plan : plan(result, true)) {
    for (const auto& [finding, edit] : file_plan.edits) {
      fixes.push_back(
          {finding, location_of(file_plan.file, file_plan.text, edit.begin, edit.end), edit.text});
    }
  }
  return fixes;
}

std::string unified_diff(const FixedFile& file) {
  const auto before = split_lines(file.before);
  const auto after = split_lines(file.after);
  // Myers' O((N+M)D) shortest edit script (fixes change few lines, so D is small), as a list
  // of operations: ' ' keep, '-' delete a line of `before`, '+' insert a line of `after`.
  const auto n = static_cast<std::ptrdiff_t>(before.size());
  const auto m = static_cast<std::ptrdiff_t>(after.size());
  const std::ptrdiff_t most = n + m;
  std::vector<std::ptrdiff_t> reach(static_cast<std::size_t>(2 * most + 2), 0);
  std::vector<std::vector<std::ptrdiff_t>> trace;
  auto at = [&](std::ptrdiff_t k) -> std::ptrdiff_t& {
    return reach[static_cast<std::size_t>(k + most + 1)];
  };
  for (std::ptrdiff_t d = 0; d <= most; ++d) {
    trace.push_back(reach);
    bool done = false;
    for (std::ptrdiff_t k = -d; k <= d; k += 2) {
      std::ptrdiff_t x = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? at(k + 1) : at(k - 1) + 1;
      std::ptrdiff_t y = x - k;
      while (x < n && y < m &&
             before[static_cast<std::size_t>(x)] == after[static_cast<std::size_t>(y)]) {
        ++x;
        ++y;
      }
      at(k) = x;
      if (x >= n && y >= m) {
        done = true;
        break;
      }
    }
    if (done) break;
  }
  std::vector<std::pair<char, std::string_view>> script;
  std::ptrdiff_t x = n;
  std::ptrdiff_t y = m;
  for (auto d = static_cast<std::ptrdiff_t>(trace.size()) - 1; d >= 0; --d) {
    const auto& v = trace[static_cast<std::size_t>(d)];
    auto value = [&](std::ptrdiff_t k) { return v[static_cast<std::size_t>(k + most + 1)]; };
    const std::ptrdiff_t k = x - y;
    const std::ptrdiff_t previous_k =
        (k == -d || (k != d && value(k - 1) < value(k + 1))) ? k + 1 : k - 1;
    const std::ptrdiff_t previous_x = d == 0 ? 0 : value(previous_k);
    const std::ptrdiff_t previous_y = previous_x - previous_k;
    while (x > previous_x && y > previous_y) {
      script.emplace_back(' ', before[static_cast<std::size_t>(--x)]);
      --y;
    }
    if (d == 0) break;
    if (x == previous_x) {
      script.emplace_back('+', after[static_cast<std::size_t>(--y)]);
    } else {
      script.emplace_back('-', before[static_cast<std::size_t>(--x)]);
    }
  }
  std::reverse(script.begin(), script.end());
  // Hunks: the changes with three lines of context, joined where their contexts meet.
  constexpr std::size_t kContext = 3;
  std::string out = fmt::format("--- a/{0}\n+++ b/{0}\n", file.path);
  std::size_t i = 0;
  std::size_t old_line = 1;
  std::size_t new_line = 1;
  while (i < script.size()) {
    if (script[i].first == ' ') {
      ++i;
      ++old_line;
      ++new_line;
      continue;
    }
    std::size_t start = i;
    std::size_t back = 0;
    while (start > 0 && back < kContext && script[start - 1].first == ' ') {
      --start;
      ++back;
    }
    std::size_t end = i;
    std::size_t quiet = 0;
    while (end < script.size() && quiet <= 2 * kContext) {
      quiet = script[end].first == ' ' ? quiet + 1 : 0;
      ++end;
    }
    while (quiet > kContext) {
      --end;
      --quiet;
    }
    std::size_t old_count = 0;
    std::size_t new_count = 0;
    for (std::size_t j = start; j < end; ++j) {
      if (script[j].first != '+') ++old_count;
      if (script[j].first != '-') ++new_count;
    }
    out += fmt::format("@@ -{},{} +{},{} @@\n", old_line - back, old_count, new_line - back,
                       new_count);
    for (std::size_t j = start; j < end; ++j) {
      out += script[j].first;
      out += script[j].second;
      if (!script[j].second.ends_with('\n')) out += "\n\\ No newline at end of file\n";
      if (j >= i) {
        if (script[j].first != '+') ++old_line;
        if (script[j].first != '-') ++new_line;
      }
    }
    i = end;
  }
  return out;
}

}  // namespace dnslint
