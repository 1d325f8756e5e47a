#pragma once

#include <cstdint>

namespace dnslint {

using FileId = std::uint32_t;

// A span in a source file: 1-based lines and byte columns; the end is exclusive, as in SARIF
// (endColumn is the column just after the last character).
struct SourceLocation {
  FileId file = 0;
  std::uint32_t line = 1;
  std::uint32_t column = 1;
  std::uint32_t end_line = 1;
  std::uint32_t end_column = 1;
};

// A SourceLocation in 12 bytes instead of 20, for what a large zone holds millions of (its
// records): the file and the number of lines spanned share a word, and columns take 16 bits.
// A location that does not fit (a column past 65,534, a record over 4,095 lines, more than a
// million files) is kept whole in a table of its own and found by its number, so that nothing
// is ever cut short; real zones have none.
class PackedLocation {
 public:
  PackedLocation() : PackedLocation(SourceLocation{}) {}
  PackedLocation(const SourceLocation& location);    // NOLINT: implicit, as the value it packs
  operator SourceLocation() const { return get(); }  // NOLINT: reads as the value it packs
  SourceLocation get() const {
    const std::uint32_t file = file_and_span_ >> kSpanBits;
    if (file == kOverflowFile) return kept_whole(line_);
    return SourceLocation{file, line_, column_, line_ + (file_and_span_ & kMostSpan), end_column_};
  }

 private:
  static SourceLocation kept_whole(std::uint32_t number);

  static constexpr unsigned kSpanBits = 12;
  static constexpr std::uint32_t kMostSpan = (std::uint32_t{1} << kSpanBits) - 1;
  static constexpr std::uint32_t kOverflowFile = (std::uint32_t{1} << (32 - kSpanBits)) - 1;
  static constexpr std::uint32_t kMostColumn = 0xffff;

  std::uint32_t line_ = 1;           // or, for a location kept whole, its number in the table
  std::uint32_t file_and_span_ = 0;  // file << kSpanBits | (end_line - line)
  std::uint16_t column_ = 1;
  std::uint16_t end_column_ = 1;
};

}  // namespace dnslint
