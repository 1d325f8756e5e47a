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

}  // namespace dnslint
