#include "model/finding_log.hpp"

#include <algorithm>
#include <array>
#include <cassert>

namespace dnslint {
namespace {

// Blocks start small (most rules find little) and grow to a fixed size: a log never copies
// what it holds to grow, and holds at most one block's worth of room it does not use.
constexpr std::size_t kFirstBlockBytes = 1024;
constexpr std::size_t kLargestBlockBytes = 256 * 1024;

// The low bits of a location's first number: what follows it besides the columns.
constexpr std::uint64_t kOtherFile = 1;     // the file, when not that of the location before
constexpr std::uint64_t kOtherEndLine = 2;  // the last line, when not the first

// Lines go as the difference from the finding before, zigzag-coded: a rule reports in about
// the order of the file, so most differences are small, and some are negative.
std::uint64_t zigzag(std::int64_t value) {
  return (static_cast<std::uint64_t>(value) << 1) ^ static_cast<std::uint64_t>(value >> 63);
}
std::int64_t unzigzag(std::uint64_t value) {
  return static_cast<std::int64_t>(value >> 1) ^ -static_cast<std::int64_t>(value & 1);
}

// Reads back what FindingLog wrote, entry after entry.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}
  bool done() const { return position_ == bytes_.size(); }
  std::uint64_t number() {
    std::uint64_t value = 0;
    for (unsigned shift = 0;; shift += 7) {
      const auto byte = static_cast<unsigned char>(bytes_[position_++]);
      value |= std::uint64_t{byte & 0x7fu} << shift;
      if ((byte & 0x80u) == 0) return value;
    }
  }
  std::uint32_t number32() { return static_cast<std::uint32_t>(number()); }
  std::string_view take(std::size_t count) {
    const std::string_view taken = bytes_.substr(position_, count);
    position_ += count;
    return taken;
  }

 private:
  std::string_view bytes_;
  std::size_t position_ = 0;
};

// A text of the finding being read, rebuilt from the same text of the finding before (see
// FindingLog::put_text for the form).
class TextDecoder {
 public:
  const SharedText& read(Reader& reader) {
    const std::size_t first = reader.number();
    if (first == 0) return text_;  // the same text
    const std::size_t prefix = first - 1;
    const std::size_t suffix = reader.number();
    const std::string_view differing = reader.take(reader.number());
    const std::string_view previous = text_.view();
    text_ = SharedText::concatenate(
        {previous.substr(0, prefix), differing, previous.substr(previous.size() - suffix)});
    return text_;
  }

 private:
  SharedText text_;
};

}  // namespace

void FindingLog::append(std::string_view rule, const SourceLocation& location,
                        std::string_view message, std::string_view zone, std::string_view owner,
                        std::string_view type, std::span<const RelatedView> related,
                        const FindingMarks& marks) {
  encode(rule, location, message, zone, owner, type, related, marks);
  if (blocks_.empty() || blocks_.back().size() + entry_.size() > blocks_.back().capacity()) {
    start_block(entry_.size());
    // Written again against the fresh state: it opens the block.
    encode(rule, location, message, zone, owner, type, related, marks);
  }
  blocks_.back().append(entry_);
  ++block_counts_.back();
  ++count_;
}

void FindingLog::encode(std::string_view rule, const SourceLocation& location,
                        std::string_view message, std::string_view zone, std::string_view owner,
                        std::string_view type, std::span<const RelatedView> related,
                        const FindingMarks& marks) {
  entry_.clear();
  put_number(rule_index(rule) << 5 | (marks.fix_is_suggestion ? 16 : 0) |
             static_cast<std::uint64_t>(marks.fix) << 2 | (marks.milder ? 2 : 0) |
             (marks.unconfirmed ? 1 : 0));
  put_location(location);
  put_text(kMessage, message);
  put_text(kZone, zone);
  put_text(kOwner, owner);
  put_text(kType, type);
  put_text(kFocus, marks.focus);
  put_text(kFix, marks.fix_text);
  put_number(related.size());
  for (const RelatedView& view : related) {
    put_location(view.location);
    put_text(kRelated, view.message);
  }
}

std::size_t FindingLog::bytes() const {
  std::size_t total = 0;
  for (const std::string& block : blocks_) total += block.capacity();
  return total;
}

void FindingLog::decode_into(std::span<Finding> out) const {
  assert(out.size() == count_);
  for (std::size_t part = 0; part < parts(); ++part) {
    decode_part(part, out.first(block_counts_[part]));
    out = out.subspan(block_counts_[part]);
  }
}

void FindingLog::decode_part(std::size_t part, std::span<Finding> out) const {
  assert(out.size() == block_counts_[part]);
  std::array<TextDecoder, kFields> texts;
  std::uint32_t previous_line = 0;
  FileId previous_file = 0;
  auto location = [&](Reader& reader) {
    SourceLocation at;
    const std::uint64_t head = reader.number();
    at.file = (head & kOtherFile) != 0 ? reader.number32() : previous_file;
    at.line = static_cast<std::uint32_t>(previous_line + unzigzag(head >> 2));
    at.column = reader.number32();
    at.end_line = at.line;
    if ((head & kOtherEndLine) != 0) {
      at.end_line = static_cast<std::uint32_t>(at.line + unzigzag(reader.number()));
    }
    at.end_column = reader.number32();
    previous_line = at.line;
    previous_file = at.file;
    return at;
  };
  Reader reader(blocks_[part]);
  for (Finding& finding : out) {
    const std::uint64_t rule = reader.number();
    finding.rule = rules_[rule >> 5];
    finding.fix_is_suggestion = (rule & 16) != 0;
    finding.fix = static_cast<FixKind>(rule >> 2 & 3);
    finding.milder = (rule & 2) != 0;
    finding.unconfirmed = (rule & 1) != 0;
    finding.location = location(reader);
    finding.message = texts[kMessage].read(reader);
    finding.zone = texts[kZone].read(reader);
    finding.owner = texts[kOwner].read(reader);
    finding.type = texts[kType].read(reader);
    finding.focus = texts[kFocus].read(reader);
    finding.fix_text = texts[kFix].read(reader);
    finding.related.resize(reader.number());
    for (RelatedLocation& related : finding.related) {
      related.location = location(reader);
      related.message = texts[kRelated].read(reader);
    }
  }
  assert(reader.done());
}

void FindingLog::put_number(std::uint64_t value) {
  // Seven bits a byte, low bits first, the high bit set on all but the last: at most 10 bytes.
  std::array<char, 10> bytes{};
  std::size_t size = 0;
  for (; value >= 0x80; value >>= 7) bytes[size++] = static_cast<char>(value | 0x80);
  bytes[size++] = static_cast<char>(value);
  entry_.append(bytes.data(), size);
}

void FindingLog::put_location(const SourceLocation& location) {
  // The file and the last line only when they differ from the file before and the first line.
  const bool other_file = location.file != previous_file_;
  const bool other_end_line = location.end_line != location.line;
  put_number(zigzag(std::int64_t{location.line} - previous_line_) << 2 |
             (other_file ? kOtherFile : 0) | (other_end_line ? kOtherEndLine : 0));
  if (other_file) put_number(location.file);
  put_number(location.column);
  if (other_end_line) put_number(zigzag(std::int64_t{location.end_line} - location.line));
  put_number(location.end_column);
  previous_line_ = location.line;
  previous_file_ = location.file;
}

// A text is written against the same text of the finding before: 0 when it is the same;
// otherwise the length of their common start + 1, of their common end, and what lies between
// in this text (a message naming one owner after another differs in the name only).
void FindingLog::put_text(Field field, std::string_view text) {
  std::string& previous = previous_[field];
  if (text == previous) {
    put_number(0);
    return;
  }
  const std::size_t most = std::min(previous.size(), text.size());
  std::size_t prefix = 0;
  while (prefix < most && previous[prefix] == text[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < most - prefix &&
         previous[previous.size() - 1 - suffix] == text[text.size() - 1 - suffix]) {
    ++suffix;
  }
  const std::string_view middle = text.substr(prefix, text.size() - prefix - suffix);
  put_number(prefix + 1);
  put_number(suffix);
  put_number(middle.size());
  entry_.append(middle);
  previous.assign(text);
}

std::size_t FindingLog::rule_index(std::string_view rule) {
  for (std::size_t i = rules_.size(); i-- > 0;) {
    if (rules_[i].data() == rule.data() && rules_[i].size() == rule.size()) return i;
  }
  rules_.push_back(rule);
  return rules_.size() - 1;
}

void FindingLog::start_block(std::size_t bytes) {
  const std::size_t size = blocks_.empty()
                               ? kFirstBlockBytes
                               : std::min(2 * blocks_.back().capacity(), kLargestBlockBytes);
  blocks_.emplace_back().reserve(std::max(size, bytes));
  block_counts_.push_back(0);
  for (std::string& previous : previous_) previous.clear();
  previous_line_ = 0;
  previous_file_ = 0;
}

}  // namespace dnslint
