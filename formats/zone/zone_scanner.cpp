#include "formats/zone/zone_scanner.hpp"

#include <fmt/format.h>

#include <array>
#include <string_view>

#include "model/printable.hpp"

namespace dnslint {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// The bytes that end a word: blanks, a line end, a comment, parentheses, a quote. A table,
// since the scanner asks for every byte of every word.
constexpr std::array<bool, 256> kEndsWord = [] {
  std::array<bool, 256> ends{};
  for (const char c : std::string_view(" \t\r\n;()\"")) ends[static_cast<unsigned char>(c)] = true;
  return ends;
}();

bool ends_word(char c) { return kEndsWord[static_cast<unsigned char>(c)]; }

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

ZoneScanner::ZoneScanner(std::string_view data) : data_(data) {
  // A UTF-8 byte-order mark is not part of the first owner name.
  if (data_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
}

void ZoneScanner::advance() {
  if (data_[pos_] == '\n') {
    ++line_;
    column_ = 1;
  } else {
    ++column_;
  }
  ++pos_;
}

void ZoneScanner::skip_to_line_end() {
  while (!at_end() && data_[pos_] != '\n') advance();
}

bool ZoneScanner::next(Entry& entry, std::vector<ScanError>& errors) {
  while (!at_end() && pos_ < stop_) {
    entry.tokens.clear();
    entry.line = line_;
    entry.starts_with_blank = column_ == 1 && is_blank(data_[pos_]) && data_[pos_] != '\r';
    // Where to resume if a '(' is never closed: right after the line that opened it, so that
    // one missing ')' costs one record and not the rest of the file.
    std::size_t resume_pos = 0;
    std::uint32_t resume_line = 0;
    std::uint32_t open_line = 0;
    std::uint32_t open_column = 0;
    int depth = 0;
    while (!at_end()) {
      const char c = data_[pos_];
      if (c == '\n') {
        if (depth == 0) {
          advance();
          break;
        }
        if (resume_line == 0) {
          resume_pos = pos_ + 1;
          resume_line = line_ + 1;
        }
        advance();
      } else if (is_blank(c)) {
        advance();
      } else if (c == ';') {
        skip_to_line_end();
      } else if (c == '(') {
        if (depth == 0) {
          open_line = line_;
          open_column = column_;
        }
        ++depth;
        advance();
      } else if (c == ')') {
        if (depth == 0) {
          errors.push_back({line_, column_, column_ + 1, "')' without a matching '('"});
        } else {
          --depth;
        }
        advance();
      } else if (c == '"') {
        scan_quoted(entry, errors);
      } else {
        scan_word(entry);
      }
    }
    if (depth > 0) {
      errors.push_back(
          {open_line, open_column, open_column + 1, "'(' is never closed; this record is skipped"});
      if (resume_line != 0) {
        pos_ = resume_pos;
        line_ = resume_line;
        column_ = 1;
      }
      continue;
    }
    if (!entry.tokens.empty()) return true;
  }
  return false;
}

bool ZoneScanner::follows_previous(const Entry& entry, std::size_t start) const {
  if (entry.tokens.empty()) return false;
  const std::string_view previous = entry.tokens.back().raw;
  return previous.data() + previous.size() == data_.data() + start;
}

void ZoneScanner::scan_quoted(Entry& entry, std::vector<ScanError>& errors) {
  Token token;
  token.line = line_;
  token.column = column_;
  token.quoted = true;
  const std::size_t start = pos_;
  advance();  // opening quote
  while (!at_end() && data_[pos_] != '"' && data_[pos_] != '\n') {
    if (data_[pos_] == '\\' && pos_ + 1 < data_.size() && data_[pos_ + 1] != '\n') advance();
    advance();
  }
  const std::size_t content_end = pos_;
  if (at_end() || data_[pos_] == '\n') {
    errors.push_back(
        {token.line, token.column, column_, "quoted string is not closed on its line"});
  } else {
    advance();  // closing quote
  }
  token.text = data_.substr(start + 1, content_end - start - 1);
  token.raw = data_.substr(start, pos_ - start);
  token.glued = follows_previous(entry, start);
  token.end_line = line_;
  token.end_column = column_;
  entry.tokens.push_back(token);
}

void ZoneScanner::scan_word(Entry& entry) {
  Token token;
  token.line = line_;
  token.column = column_;
  const std::size_t start = pos_;
  std::size_t end = pos_;
  while (end < data_.size() && !ends_word(data_[end])) {
    // An escape keeps the next character in the word, even a delimiter (RFC 1035 §5.1 "\X"),
    // but never a line end: a word lies on one line, and its length is the columns it takes.
    if (data_[end] == '\\' && end + 1 < data_.size() && data_[end + 1] != '\n') ++end;
    ++end;
  }
  pos_ = end;
  column_ += static_cast<std::uint32_t>(end - start);
  token.text = data_.substr(start, end - start);
  token.raw = token.text;
  token.glued = follows_previous(entry, start);
  token.end_line = line_;
  token.end_column = column_;
  entry.tokens.push_back(token);
}

std::string printable_excerpt(std::string_view text) {
  constexpr std::size_t kLimit = 64;
  std::string out = printable(text.substr(0, kLimit));
  if (text.size() > kLimit) out += "...";
  return out;
}

bool decode_escapes(std::string_view text, std::string& out) {
  out.clear();
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\') {
      out.push_back(text[i]);
      continue;
    }
    if (i + 1 >= text.size()) return false;
    if (!is_digit(text[i + 1])) {
      out.push_back(text[++i]);
      continue;
    }
    if (i + 3 >= text.size()) return false;
    if (!is_digit(text[i + 2]) || !is_digit(text[i + 3])) return false;
    const int value = (text[i + 1] - '0') * 100 + (text[i + 2] - '0') * 10 + (text[i + 3] - '0');
    if (value > 255) return false;
    out.push_back(static_cast<char>(value));
    i += 3;
  }
  return true;
}

}  // namespace dnslint
