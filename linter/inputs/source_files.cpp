#include "linter/inputs/source_files.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

namespace dnslint {
namespace {

std::vector<std::string> split_lines(std::istream& in) {
  std::vector<std::string> lines;
  for (std::string text; std::getline(in, text);) {
    if (!text.empty() && text.back() == '\r') text.pop_back();
    lines.push_back(std::move(text));
  }
  return lines;
}

// A character that continues a term or a tag: a focus must not start or end next to one, so
// that "all" is found as the term, not inside "include:_spf.smallbiz.example".
bool continues_term(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 ||
         std::string_view("._:/=+~?%{}-@!,").find(c) != std::string_view::npos;
}

// The first place `focus` stands in `text` at or after `from` as a whole term, or npos.
std::size_t find_term(std::string_view text, std::string_view focus, std::size_t from) {
  for (std::size_t at = text.find(focus, from); at != std::string_view::npos;
       at = text.find(focus, at + 1)) {
    const std::size_t end = at + focus.size();
    if ((at == 0 || !continues_term(text[at - 1])) &&
        (end == text.size() || !continues_term(text[end])))
      return at;
  }
  return std::string_view::npos;
}

}  // namespace

SourceFiles::SourceFiles(const std::vector<std::string>& files,
                         const std::filesystem::path& path_root,
                         const std::map<std::string, std::string>& unsaved)
    : files_(files), display_(path_root), unsaved_(unsaved) {}

const std::vector<std::string>& SourceFiles::lines(FileId file) {
  auto [at, inserted] = lines_.try_emplace(file);
  if (inserted && file < files_.size()) {
    const std::string& shown = files_[file];
    if (auto kept = unsaved_.find(shown); kept != unsaved_.end()) {
      std::istringstream in(kept->second);
      at->second = split_lines(in);
    } else {
      std::ifstream in(display_.resolve(shown), std::ios::binary);
      at->second = split_lines(in);
    }
  }
  return at->second;
}

void place_focus(std::vector<Finding>& findings, const std::vector<std::string>& files,
                 const std::filesystem::path& path_root,
                 const std::map<std::string, std::string>& unsaved) {
  // The lines each file's focused findings span, so that a file is read once, front to back,
  // keeping only those lines: a large zone's findings need a few of its millions of lines.
  constexpr std::uint32_t kMostLines = 64;  // of one record
  std::map<FileId, std::vector<std::uint32_t>> wanted;
  for (const Finding& finding : findings) {
    if (std::string_view(finding.focus).empty()) continue;
    const SourceLocation& at = finding.location;
    auto& lines = wanted[at.file];
    for (std::uint32_t line = at.line; line <= at.end_line && line - at.line < kMostLines; ++line)
      lines.push_back(line);
  }
  std::map<std::pair<FileId, std::uint32_t>, std::string> text_of;
  const PathDisplay display(path_root);
  for (auto& [file, lines] : wanted) {
    std::sort(lines.begin(), lines.end());
    lines.erase(std::unique(lines.begin(), lines.end()), lines.end());
    if (file >= files.size()) continue;
    std::istringstream kept;
    std::ifstream on_disk;
    std::istream* in = &on_disk;
    if (auto text = unsaved.find(files[file]); text != unsaved.end()) {
      kept.str(text->second);
      in = &kept;
    } else {
      on_disk.open(display.resolve(files[file]), std::ios::binary);
    }
    std::uint32_t number = 0;
    auto next = lines.begin();
    for (std::string text; next != lines.end() && std::getline(*in, text);) {
      if (++number != *next) continue;
      if (!text.empty() && text.back() == '\r') text.pop_back();
      text_of.emplace(std::pair{file, number}, std::move(text));
      ++next;
    }
  }
  for (Finding& finding : findings) {
    const std::string_view focus = finding.focus;
    // A fix that edits the focus stands only where the focus was found.
    const bool edits_focus =
        finding.fix == FixKind::replace_focus || finding.fix == FixKind::append_to_focus;
    if (focus.empty()) {
      if (edits_focus) finding.fix = FixKind::none;
      continue;
    }
    const FixKind fix_kind = finding.fix;
    if (edits_focus) finding.fix = FixKind::none;  // until the focus is found
    SourceLocation& at = finding.location;
    for (std::uint32_t line = at.line; line <= at.end_line && line - at.line < kMostLines; ++line) {
      const auto found_line = text_of.find({at.file, line});
      if (found_line == text_of.end()) break;
      std::string_view text = found_line->second;
      const std::size_t begin =
          line == at.line ? std::min<std::size_t>(at.column - 1, text.size()) : 0;
      if (line == at.end_line)
        text = text.substr(0, std::max<std::size_t>(at.end_column - 1, begin));
      const std::size_t found = find_term(text, focus, begin);
      if (found == std::string_view::npos) continue;
      at = SourceLocation{at.file, line, static_cast<std::uint32_t>(found + 1), line,
                          static_cast<std::uint32_t>(found + focus.size() + 1)};
      if (edits_focus) finding.fix = fix_kind;
      break;
    }
    finding.focus = {};
  }
}

}  // namespace dnslint
