// Byte offset -> 1-based line and byte column, for readers whose parsers report offsets.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace dnslint {

class LineIndex {
 public:
  explicit LineIndex(std::string_view content) {
    starts_.push_back(0);
    for (std::size_t i = 0; i < content.size(); ++i) {
      if (content[i] == '\n') starts_.push_back(i + 1);
    }
  }
  // The byte offset of a 1-based line and byte column.
  std::size_t offset(std::uint32_t line, std::uint32_t column) const {
    return starts_[line - 1] + column - 1;
  }
  // {line, column} of `offset`, both 1-based.
  std::pair<std::uint32_t, std::uint32_t> position(std::size_t offset) const {
    const auto next = std::upper_bound(starts_.begin(), starts_.end(), offset);
    const auto line = static_cast<std::size_t>(next - starts_.begin());
    return {static_cast<std::uint32_t>(line),
            static_cast<std::uint32_t>(offset - starts_[line - 1] + 1)};
  }

 private:
  std::vector<std::size_t> starts_;
};

}  // namespace dnslint
