// Findings kept compact between the rules that make them and the report that needs them whole.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/finding.hpp"

namespace dnslint {

// A related location as a rule hands it over, before it is kept.
struct RelatedView {
  SourceLocation location;
  std::string_view message;
};

// What a finding carries besides its texts and location (see Finding).
struct FindingMarks {
  bool unconfirmed = false;
  bool milder = false;
  std::string_view focus;
  FixKind fix = FixKind::none;
  bool fix_is_suggestion = false;
  std::string_view fix_text;
};

// The findings of one rule, in the order reported, as bytes: each text is written as what it
// shares with the same text of the finding before (a common start and end) and what differs.
// One rule's findings repeat one message pattern, the zone, the type and their related
// messages, and name one owner after another, so a finding takes a few dozen bytes instead of
// a Finding and its texts (several hundred):
// a zone with hundreds of thousands of findings keeps them in a few megabytes while the whole
// model is still in memory for the other rules.
class FindingLog {
 public:
  // `rule` is static text (the registry's ids, the readers' constants): it is kept as a view.
  // The severity is not the log's to keep: the configuration decides it per file, once the
  // findings are decoded, `marks` how it applies (Finding).
  void append(std::string_view rule, const SourceLocation& location, std::string_view message,
              std::string_view zone, std::string_view owner, std::string_view type,
              std::span<const RelatedView> related, const FindingMarks& marks = {});

  std::size_t size() const { return count_; }
  // Bytes held (for tests and measurements).
  std::size_t bytes() const;

  // Writes every finding, in order, to `out` (as many as size()). Texts equal to the same text
  // of the finding before are shared, as the Reporter shares them.
  void decode_into(std::span<Finding> out) const;
  // The log in parts that decode independently, for decoding a large log on several threads:
  // part i holds part_size(i) findings, which decode_part writes to `out`.
  std::size_t parts() const { return blocks_.size(); }
  std::size_t part_size(std::size_t part) const { return block_counts_[part]; }
  void decode_part(std::size_t part, std::span<Finding> out) const;

 private:
  // The texts of a finding that are written against the finding before.
  enum Field : std::size_t { kMessage, kZone, kOwner, kType, kFocus, kFix, kRelated, kFields };

  void encode(std::string_view rule, const SourceLocation& location, std::string_view message,
              std::string_view zone, std::string_view owner, std::string_view type,
              std::span<const RelatedView> related, const FindingMarks& marks);
  void put_text(Field field, std::string_view text);
  void put_location(const SourceLocation& location);
  void put_number(std::uint64_t value);
  std::size_t rule_index(std::string_view rule);
  // Starts a new block, `bytes` at least, with the state of an empty log.
  void start_block(std::size_t bytes);

  // Whole entries only; each block's first entry is written against no finding before, so
  // that blocks decode independently.
  std::vector<std::string> blocks_;
  std::vector<std::size_t> block_counts_;  // findings in each block
  std::string entry_;                      // the entry being written
  std::vector<std::string_view> rules_;
  std::string previous_[kFields];
  std::uint32_t previous_line_ = 0;
  FileId previous_file_ = 0;
  std::size_t count_ = 0;
};

}  // namespace dnslint
