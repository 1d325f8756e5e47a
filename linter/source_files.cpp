#include "linter/source_files.hpp"

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

void place_focus(std::vector<Finding>& findings, SourceFiles& sources) {
  for (Finding& finding : findings) {
    const std::string_view focus = finding.focus;
    if (focus.empty()) continue;
    SourceLocation& at = finding.location;
    const std::vector<std::string>& lines = sources.lines(at.file);
    for (std::uint32_t line = at.line; line <= at.end_line && line <= lines.size(); ++line) {
      std::string_view text = lines[line - 1];
      const std::size_t begin =
          line == at.line ? std::min<std::size_t>(at.column - 1, text.size()) : 0;
      if (line == at.end_line)
        text = text.substr(0, std::max<std::size_t>(at.end_column - 1, begin));
      const std::size_t found = find_term(text, focus, begin);
      if (found == std::string_view::npos) continue;
      at = SourceLocation{at.file, line, static_cast<std::uint32_t>(found + 1), line,
                          static_cast<std::uint32_t>(found + focus.size() + 1)};
      break;
    }
    finding.focus = {};
  }
}

}  // namespace dnslint
