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

// The text inside the quoted strings of a record's lines, decoded, with the place each byte
// comes from: a value split into strings ("v=spf1 inclu" "de:_spf.example.com") or written
// with escapes (a tab as \009 in a zone file, as \t in Terraform or YAML) reads there as
// the rules read it.
struct DecodedStrings {
  std::string text;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> from;  // line and column of each byte
};

// Zone files escape with \X and \DDD (RFC 1035 §5.1); HCL, JSON and YAML with \t, \n, ...
bool has_c_escapes(std::string_view file) {
  return file.ends_with(".tf") || file.ends_with(".json") || file.ends_with(".yaml") ||
         file.ends_with(".yml") || file.ends_with(".hcl");
}

DecodedStrings decode_strings(
    const std::map<std::pair<FileId, std::uint32_t>, std::string>& text_of,
    const SourceLocation& at, bool c_escapes, std::uint32_t most_lines) {
  DecodedStrings out;
  bool quoted = false;
  for (std::uint32_t line = at.line; line <= at.end_line && line - at.line < most_lines; ++line) {
    const auto found = text_of.find({at.file, line});
    if (found == text_of.end()) break;
    const std::string_view text = found->second;
    std::size_t i = line == at.line ? std::min<std::size_t>(at.column - 1, text.size()) : 0;
    while (i < text.size()) {
      const char c = text[i];
      const auto column = static_cast<std::uint32_t>(i + 1);
      if (!quoted) {
        if (c == '"') quoted = true;
        if (c == ';' && !c_escapes) break;  // a zone file's comment
        ++i;
        continue;
      }
      if (c == '"') {
        quoted = false;
        ++i;
        continue;
      }
      char byte = c;
      std::size_t width = 1;
      if (c == '\\' && i + 1 < text.size()) {
        const char next = text[i + 1];
        width = 2;
        byte = next;
        if (!c_escapes && i + 3 < text.size() && std::isdigit(static_cast<unsigned char>(next)) &&
            std::isdigit(static_cast<unsigned char>(text[i + 2])) &&
            std::isdigit(static_cast<unsigned char>(text[i + 3]))) {
          byte = static_cast<char>((next - '0') * 100 + (text[i + 2] - '0') * 10 +
                                   (text[i + 3] - '0'));
          width = 4;
        } else if (c_escapes) {
          byte = next == 't' ? '\t' : next == 'n' ? '\n' : next == 'r' ? '\r' : next;
        }
      }
      out.text += byte;
      out.from.emplace_back(line, column);
      i += width;
    }
  }
  return out;
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
    bool placed = false;
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
      placed = true;
      break;
    }
    if (!placed && at.file < files.size()) {
      // Not written as one piece: look in the record's strings as the rules read them. The
      // place is known, but a fix would have to edit across strings: none is offered.
      const DecodedStrings decoded =
          decode_strings(text_of, at, has_c_escapes(files[at.file]), kMostLines);
      const std::size_t found = find_term(decoded.text, focus, 0);
      if (found != std::string_view::npos) {
        const auto [line, column] = decoded.from[found];
        const auto [end_line, end_column] = decoded.from[found + focus.size() - 1];
        at = SourceLocation{at.file, line, column, end_line, end_column + 1};
      }
    }
    finding.focus = {};
  }
}

}  // namespace dnslint
