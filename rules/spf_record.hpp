// An SPF record read by the grammar of RFC 7208 §12: its terms (directives and modifiers), the
// problems that make a receiver return permerror (§4.6, §6, §7), and what it looks up.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace dnslint {

enum class SpfKind : std::uint8_t {
  all,
  include,
  a,
  mx,
  ptr,
  ip4,
  ip6,
  exists,  // mechanisms (§5)
  redirect,
  exp,
  unknown_modifier,  // modifiers (§6)
};

struct SpfTerm {
  std::string_view text;    // as written: "~all", "include:_spf.example.com", "ip4:192.0.2.0/24"
  std::string_view domain;  // the domain-spec, when the term has one (may hold macros)
  SpfKind kind = SpfKind::unknown_modifier;
  char qualifier = '+';  // '+' when none is written (§4.6.2)
  bool qualifier_written = false;
  // False for a term no evaluation reaches: a mechanism after "all" (RFC 7208 §5.1), and
  // "redirect=" in a record with an "all" (§6.1). Its syntax still counts (§4.6).
  bool evaluated = true;
};

struct SpfProblem {
  std::string_view text;  // the term at fault
  std::string message;
};

struct SpfRecord {
  std::vector<SpfTerm> terms;        // the terms that parsed, in order
  std::vector<SpfProblem> problems;  // each one a permerror

  // True for the terms that cost a DNS lookup against the limit of 10 (§4.6.4).
  static bool looks_up(SpfKind kind);
};

// `text` is a whole record, "v=spf1 ..." (is_spf).
SpfRecord parse_spf(std::string_view text);
// The same into `record`, whose vectors keep their capacity: for parsing many records.
void parse_spf(std::string_view text, SpfRecord& record);

// A term as a run keeps it for every SPF record (TxtRecords): where its text and domain lie in
// the record's text rather than views of them, 20 bytes where a SpfTerm takes 40.
struct PackedSpfTerm {
  std::uint32_t text_at = 0;
  std::uint32_t text_size = 0;
  std::uint32_t domain_at = 0;
  std::uint32_t domain_size = 0;
  SpfKind kind = SpfKind::unknown_modifier;
  char qualifier = '+';
  bool qualifier_written = false;
  bool evaluated = true;

  // `term` is a term of `record_text` (parse_spf's views point into it).
  static PackedSpfTerm pack(std::string_view record_text, const SpfTerm& term);
  SpfTerm unpack(std::string_view record_text) const;
};

// The terms of a record kept packed, made whole SpfTerms as they are read.
class SpfTerms {
 public:
  SpfTerms() = default;
  SpfTerms(std::string_view record_text, std::span<const PackedSpfTerm> packed)
      : text_(record_text), packed_(packed) {}

  class Iterator {
   public:
    using value_type = SpfTerm;
    using difference_type = std::ptrdiff_t;
    Iterator() = default;
    Iterator(std::string_view text, const PackedSpfTerm* at) : text_(text), at_(at) {}
    SpfTerm operator*() const { return at_->unpack(text_); }
    Iterator& operator++() {
      ++at_;
      return *this;
    }
    Iterator operator++(int) {
      Iterator before = *this;
      ++at_;
      return before;
    }
    bool operator==(const Iterator& other) const { return at_ == other.at_; }

   private:
    std::string_view text_;
    const PackedSpfTerm* at_ = nullptr;
  };

  Iterator begin() const { return {text_, packed_.data()}; }
  Iterator end() const { return {text_, packed_.data() + packed_.size()}; }
  std::size_t size() const { return packed_.size(); }
  bool empty() const { return packed_.empty(); }
  SpfTerm operator[](std::size_t i) const { return packed_[i].unpack(text_); }

 private:
  std::string_view text_;
  std::span<const PackedSpfTerm> packed_;
};

// The canonical name a domain-spec without macros names ("_spf.example.com" ->
// "_spf.example.com."); nullopt when it holds macros (known only at evaluation).
std::optional<std::string> spf_target_name(std::string_view domain_spec);

}  // namespace dnslint
