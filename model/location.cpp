#include "model/location.hpp"

#include <deque>
#include <mutex>

namespace dnslint {
namespace {

// Locations too large to pack, for the whole run: they are rare, so one lock is enough, and
// a deque never moves what it holds.
class WholeLocations {
 public:
  std::uint32_t add(const SourceLocation& location) {
    const std::lock_guard lock(mutex_);
    locations_.push_back(location);
    return static_cast<std::uint32_t>(locations_.size() - 1);
  }
  SourceLocation at(std::uint32_t number) {
    const std::lock_guard lock(mutex_);
    return locations_[number];
  }

 private:
  std::mutex mutex_;
  std::deque<SourceLocation> locations_;
};

WholeLocations& whole_locations() {
  static WholeLocations table;
  return table;
}

}  // namespace

PackedLocation::PackedLocation(const SourceLocation& location) {
  const bool fits = location.file < kOverflowFile && location.end_line >= location.line &&
                    location.end_line - location.line <= kMostSpan &&
                    location.column <= kMostColumn && location.end_column <= kMostColumn;
  if (!fits) {
    line_ = whole_locations().add(location);
    file_and_span_ = kOverflowFile << kSpanBits;
    return;
  }
  line_ = location.line;
  file_and_span_ = location.file << kSpanBits | (location.end_line - location.line);
  column_ = static_cast<std::uint16_t>(location.column);
  end_column_ = static_cast<std::uint16_t>(location.end_column);
}

SourceLocation PackedLocation::kept_whole(std::uint32_t number) {
  return whole_locations().at(number);
}

}  // namespace dnslint
