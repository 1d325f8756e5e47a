// Domain names in canonical form: absolute, presentation format, ASCII lowercase (RFC 4343),
// with a trailing dot. The root is ".". Names are interned in a NameTable so that records hold
// small ids, compare in O(1) and walk to their ancestors without string work.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dnslint {

using NameId = std::uint32_t;
inline constexpr NameId kNoName = 0xffffffffu;

// Why a presentation-format name could not be read.
struct NameError {
  std::string reason;
};

// Parses a presentation-format name (RFC 1035 §5.1: \X and \DDD escapes, "@" for the origin).
// A name without a trailing dot is relative and gets `origin` appended; `origin` must then be
// canonical, and when it is empty a relative name is an error. On success `out` is canonical.
std::optional<NameError> parse_name(std::string_view text, std::string_view origin,
                                    std::string& out);

// True when `text` (presentation format) ends in an unescaped dot, i.e. is written absolute.
bool is_written_absolute(std::string_view text);

// The canonical name with its first label removed; the root's parent is the root.
std::string_view parent_name(std::string_view canonical);

// Length of a canonical name in wire format (RFC 1035 §3.1).
std::size_t wire_length(std::string_view canonical);

// The first label of a canonical name, still in presentation escapes.
std::string_view first_label(std::string_view canonical);

// True when `name` equals `ancestor` or lies below it.
bool is_at_or_below(std::string_view name, std::string_view ancestor);

// `name` with the `suffix` labels removed and no trailing dot ("mail.example.com." minus
// "example.com." is "mail"); empty when name == suffix.
std::string_view relative_part(std::string_view name, std::string_view suffix);

// Interns canonical names. Every ancestor of an interned name is interned too, so parent()
// is a lookup. The text of the names lives in large arena blocks that never move, so views
// into them stay valid (also across moves of the table), and the index is one flat
// open-addressing array of ids: a name costs about 24 bytes plus its text and no allocation
// of its own, which is what keeps a zone of millions of names small and quick to free.
class NameTable {
 public:
  NameTable() = default;
  NameTable(NameTable&&) noexcept = default;
  NameTable& operator=(NameTable&&) noexcept = default;

  NameId intern(std::string_view canonical);
  // Interns every name of `other` in id order; returns the id here of each id there. (Names
  // new here get ids in the order `other` first saw them, as if read into this table.)
  std::vector<NameId> intern_all(const NameTable& other);
  // The same for a table that is not needed afterwards but for reading names by id: its hash
  // index is freed before the merge instead of after (find() on it finds nothing then).
  std::vector<NameId> intern_all(NameTable&& other);
  std::optional<NameId> find(std::string_view canonical) const;
  std::string_view str(NameId id) const {
    const char* text = names_[id];
    std::uint16_t size = 0;
    std::memcpy(&size, text - sizeof size, sizeof size);
    return {text, size};
  }
  NameId parent(NameId id) const { return parents_[id]; }
  bool is_root(NameId id) const { return parents_[id] == id; }
  bool is_at_or_below(NameId name, NameId ancestor) const;
  std::size_t size() const { return names_.size(); }
  // Room for `count` names without moving the per-name arrays (their pages cost nothing until
  // written), and an index sized for `indexed` of them: the index is written whole when made,
  // so it is sized for a likely count rather than the most possible.
  void reserve(std::size_t count, std::size_t indexed);

 private:
  // Interns a name whose hash is known; `known_parent` is the id of its parent here, or
  // kNoName to look the parent up (and intern it first when new).
  NameId intern(std::string_view canonical, std::uint32_t hash, NameId known_parent);
  std::size_t slot_of(std::string_view canonical, std::uint32_t hash) const;
  // A slot holds id + 1 in its low bits and, above them, the top bits of the name's hash (as
  // many as the table's size leaves free): a probe reads a name's text only when these agree.
  std::uint32_t id_mask() const { return ~std::uint32_t{0} >> tag_bits_; }
  std::uint32_t tag_of(std::uint32_t hash) const { return hash & ~id_mask(); }
  std::uint32_t slot_value(NameId id, std::uint32_t hash) const { return tag_of(hash) | (id + 1); }
  NameId id_in(std::uint32_t value) const { return (value & id_mask()) - 1; }
  // Copies the name's text into the arena behind its 2-byte length; returns the text.
  const char* store(std::string_view canonical);
  void grow_index(std::size_t capacity);

  std::vector<std::unique_ptr<char[]>> blocks_;
  std::size_t block_used_ = 0;
  std::size_t block_size_ = 0;
  std::vector<const char*> names_;  // each text has its length just before it
  std::vector<NameId> parents_;
  std::vector<std::uint16_t> depths_;
  // Power-of-two size, at most two thirds full; 0 marks a free slot. Four bytes a slot (not
  // eight, with the whole hash) keep the index of a zone of millions of names half as large,
  // and twice as many of its slots in the cache.
  std::vector<std::uint32_t> slots_;
  unsigned tag_bits_ = 0;  // 32 less the bits an id + 1 may need in a table of this size
  // The names interned last, checked before hashing: zone files name one owner on
  // consecutive lines and point rdata at it or its neighbours, and these names' text is
  // still in the cache while a probe of the index is a miss on a table of millions.
  static constexpr std::size_t kRecent = 4;
  std::array<NameId, kRecent> recent_{kNoName, kNoName, kNoName, kNoName};
  std::size_t next_recent_ = 0;
};

// A fast, well-mixed hash of a byte string (for the flat hash tables of the model).
std::uint64_t hash_bytes(std::string_view bytes);

}  // namespace dnslint
