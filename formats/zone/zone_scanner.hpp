// Splits a master file (RFC 1035 §5.1) into entries: one logical line each, parentheses
// joining physical lines, comments removed, quoted strings kept whole. Every token keeps its
// exact position. The scanner never fails: problems become ScanErrors and scanning goes on.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dnslint {

struct Token {
  std::string_view text;  // for a quoted token, what is between the quotes (escapes undecoded)
  std::string_view raw;   // exactly as in the file, quotes included
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::uint32_t end_line = 0;
  std::uint32_t end_column = 0;  // exclusive
  bool quoted = false;
  bool glued = false;  // no white space before it: `alpn="h2,h3"` is one field (RFC 9460 §2.1)
};

struct Entry {
  std::vector<Token> tokens;
  bool starts_with_blank = false;  // the line began with white space: the owner is omitted
  std::uint32_t line = 0;          // first physical line of the entry
};

struct ScanError {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::uint32_t end_column = 0;
  std::string message;
};

class ZoneScanner {
 public:
  explicit ZoneScanner(std::string_view data);

  // Fills `entry` with the next non-empty entry; false at the end of input, or when the next
  // entry would start at or after the stop position.
  bool next(Entry& entry, std::vector<ScanError>& errors);

  // Where scanning pauses: next() starts no entry at or after `position`. An entry that starts
  // before it is read whole, even past it, so pausing changes nothing about what is read.
  // (Parts of a large file are read in parallel from line starts; see read_zone.)
  void stop_at(std::size_t position) { stop_ = position; }
  // Goes on from `position`, the start of line `line`.
  void seek(std::size_t position, std::uint32_t line) {
    pos_ = position;
    line_ = line;
    column_ = 1;
  }
  std::size_t position() const { return pos_; }
  std::uint32_t line() const { return line_; }
  bool at_end() const { return pos_ >= data_.size(); }

 private:
  void advance();
  void skip_to_line_end();
  void scan_quoted(Entry& entry, std::vector<ScanError>& errors);
  void scan_word(Entry& entry);
  bool follows_previous(const Entry& entry, std::size_t start) const;

  std::string_view data_;
  std::size_t pos_ = 0;
  std::size_t stop_ = std::string_view::npos;
  std::uint32_t line_ = 1;
  std::uint32_t column_ = 1;
};

// At most the first 64 bytes of `text`, control bytes written as \DDD: safe to put in a message.
std::string printable_excerpt(std::string_view text);

// Decodes RFC 1035 §5.1 escapes (\X, \DDD) of a character-string; false when one is bad.
bool decode_escapes(std::string_view text, std::string& out);

}  // namespace dnslint
