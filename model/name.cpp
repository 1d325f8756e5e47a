#include "model/name.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <utility>

#include "model/ascii.hpp"

namespace dnslint {
namespace {

// RFC 1035 §2.3.4.
constexpr std::size_t kMaxLabelOctets = 63;
constexpr std::size_t kMaxNameOctets = 255;

bool is_plain(unsigned char c) {
  return c > 0x20 && c < 0x7f && c != '.' && c != '\\' && c != '"' && c != '(' && c != ')' &&
         c != ';';
}

void append_canonical_octet(std::string& out, unsigned char c) {
  c = static_cast<unsigned char>(ascii_lower(static_cast<char>(c)));
  if (is_plain(c)) {
    out.push_back(static_cast<char>(c));
  } else if (c == '.' || c == '\\' || c == '"' || c == '(' || c == ')' || c == ';') {
    out.push_back('\\');
    out.push_back(static_cast<char>(c));
  } else {
    out += fmt::format("\\{:03d}", c);
  }
}

// Index just past the first label of a presentation-format name, skipping escapes.
std::size_t end_of_first_label(std::string_view name) {
  std::size_t i = 0;
  while (i < name.size() && name[i] != '.') {
    if (name[i] == '\\') {
      i += (i + 1 < name.size() && std::isdigit(static_cast<unsigned char>(name[i + 1]))) ? 4 : 2;
    } else {
      ++i;
    }
  }
  return i < name.size() ? i : name.size();
}

// Octets of the label escape starting at text[i] (which is '\\'), and how many characters it
// spans; nullopt with `reason` set when the escape is malformed.
std::optional<unsigned char> decode_escape(std::string_view text, std::size_t i, std::size_t& span,
                                           std::string& reason) {
  if (i + 1 >= text.size()) {
    reason = "name ends in a lone backslash";
    return std::nullopt;
  }
  if (!std::isdigit(static_cast<unsigned char>(text[i + 1]))) {
    span = 2;
    return static_cast<unsigned char>(text[i + 1]);
  }
  if (i + 3 >= text.size()) {
    reason = "truncated \\DDD escape";
    return std::nullopt;
  }
  if (!std::isdigit(static_cast<unsigned char>(text[i + 2])) ||
      !std::isdigit(static_cast<unsigned char>(text[i + 3]))) {
    reason = "bad \\DDD escape";
    return std::nullopt;
  }
  const int value = (text[i + 1] - '0') * 100 + (text[i + 2] - '0') * 10 + (text[i + 3] - '0');
  if (value > 255) {
    reason = fmt::format("escape \\{:03d} is above 255", value);
    return std::nullopt;
  }
  span = 4;
  return static_cast<unsigned char>(value);
}

}  // namespace

bool is_written_absolute(std::string_view text) {
  if (text.empty() || text.back() != '.') return false;
  std::size_t backslashes = 0;
  for (std::size_t i = text.size() - 1; i > 0 && text[i - 1] == '\\'; --i) ++backslashes;
  return backslashes % 2 == 0;
}

std::size_t wire_length(std::string_view canonical) {
  std::size_t length = 1;  // the root label
  for (std::string_view rest = canonical; rest != "." && !rest.empty(); rest = parent_name(rest)) {
    const std::string_view label = first_label(rest);
    std::size_t octets = 0;
    for (std::size_t k = 0; k < label.size(); ++octets) {
      if (label[k] != '\\') {
        ++k;
      } else {
        k += (k + 1 < label.size() && std::isdigit(static_cast<unsigned char>(label[k + 1]))) ? 4
                                                                                              : 2;
      }
    }
    length += octets + 1;
  }
  return length;
}

std::optional<NameError> parse_name(std::string_view text, std::string_view origin,
                                    std::string& out) {
  out.clear();
  if (text.empty()) return NameError{"empty name"};
  if (text == "@") {
    if (origin.empty()) return NameError{"'@' used but no origin is known"};
    out.assign(origin);
    return std::nullopt;
  }
  if (text == ".") {
    out.assign(1, '.');
    return std::nullopt;
  }
  const bool absolute = is_written_absolute(text);
  if (!absolute && origin.empty()) {
    return NameError{fmt::format("relative name '{}' but no origin is known", text)};
  }
  const std::string_view body = absolute ? text.substr(0, text.size() - 1) : text;
  std::size_t wire = 1;  // the root label
  std::size_t label_octets = 0;
  std::string reason;
  for (std::size_t i = 0; i < body.size();) {
    unsigned char c = static_cast<unsigned char>(body[i]);
    if (c == '.') {
      if (label_octets == 0) return NameError{"empty label"};
      out.push_back('.');
      wire += label_octets + 1;
      label_octets = 0;
      ++i;
      continue;
    }
    if (is_plain(c)) {
      // A run of plain octets, most of every name: copied at once, then lower-cased.
      std::size_t end = i + 1;
      while (end < body.size() && is_plain(static_cast<unsigned char>(body[end]))) ++end;
      const std::size_t at = out.size();
      out.append(body, i, end - i);
      for (std::size_t k = at; k < out.size(); ++k) out[k] = ascii_lower(out[k]);
      label_octets += end - i;
      i = end;
      if (label_octets > kMaxLabelOctets) {
        return NameError{fmt::format("label longer than {} octets", kMaxLabelOctets)};
      }
      continue;
    }
    std::size_t span = 1;
    if (c == '\\') {
      auto decoded = decode_escape(body, i, span, reason);
      if (!decoded) return NameError{reason};
      c = *decoded;
    }
    i += span;
    append_canonical_octet(out, c);
    if (++label_octets > kMaxLabelOctets) {
      return NameError{fmt::format("label longer than {} octets", kMaxLabelOctets)};
    }
  }
  if (label_octets == 0) return NameError{"empty label"};
  wire += label_octets + 1;
  out.push_back('.');
  if (!absolute && origin != ".") {
    out.append(origin);
    // A canonical name is never shorter in presentation than on the wire (less its root
    // octet), so the origin's exact wire length is only needed near the limit.
    wire += out.size() + 1 > kMaxNameOctets ? wire_length(origin) - 1 : origin.size() - 1;
  }
  if (wire > kMaxNameOctets) {
    return NameError{fmt::format("name longer than {} octets", kMaxNameOctets)};
  }
  return std::nullopt;
}

std::string_view parent_name(std::string_view canonical) {
  if (canonical == "." || canonical.empty()) return ".";
  const std::size_t end = end_of_first_label(canonical);
  if (end + 1 >= canonical.size()) return ".";
  return canonical.substr(end + 1);
}

std::string_view first_label(std::string_view canonical) {
  if (canonical == ".") return {};
  return canonical.substr(0, end_of_first_label(canonical));
}

bool is_at_or_below(std::string_view name, std::string_view ancestor) {
  if (ancestor == ".") return true;
  while (true) {
    if (name.size() < ancestor.size()) return false;
    if (name == ancestor) return true;
    if (name == ".") return false;
    name = parent_name(name);
  }
}

std::string_view relative_part(std::string_view name, std::string_view suffix) {
  if (name.size() <= suffix.size()) return {};
  if (suffix == ".") return name.substr(0, name.size() - 1);
  return name.substr(0, name.size() - suffix.size() - 1);
}

std::uint64_t hash_bytes(std::string_view bytes) {
  // Eight bytes at a time through a multiply-xorshift mixer (the finaliser of SplitMix64).
  auto mix = [](std::uint64_t h) {
    h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ULL;
    h = (h ^ (h >> 27)) * 0x94d049bb133111ebULL;
    return h ^ (h >> 31);
  };
  std::uint64_t h = 0x9e3779b97f4a7c15ULL ^ bytes.size();
  const char* p = bytes.data();
  std::size_t left = bytes.size();
  for (; left >= 8; left -= 8, p += 8) {
    std::uint64_t word;
    std::memcpy(&word, p, 8);
    h = mix(h ^ word);
  }
  std::uint64_t tail = 0;
  std::memcpy(&tail, p, left);
  return mix(h ^ tail ^ (static_cast<std::uint64_t>(left) << 56));
}

std::size_t NameTable::slot_of(std::string_view canonical, std::uint32_t hash) const {
  const std::size_t mask = slots_.size() - 1;
  const std::uint32_t tag = tag_of(hash);
  for (std::size_t slot = hash & mask;; slot = (slot + 1) & mask) {
    const std::uint32_t value = slots_[slot];
    if (value == 0) return slot;
    if ((value & ~id_mask()) == tag && str(id_in(value)) == canonical) return slot;
  }
}

const char* NameTable::store(std::string_view canonical) {
  // A canonical name is at most 255 octets in wire form, so at most 4 * 255 characters in
  // presentation form (every octet written as \DDD): its length fits in two bytes.
  const auto size = static_cast<std::uint16_t>(canonical.size());
  const std::size_t needed = sizeof size + canonical.size();
  if (blocks_.empty() || block_used_ + needed > block_size_) {
    // Blocks grow with the table (64 KiB to 8 MiB): small zones stay small, large ones get
    // few, large blocks.
    constexpr std::size_t kFirstBlock = 64 * 1024;
    constexpr std::size_t kLargestBlock = 8 * 1024 * 1024;
    block_size_ = std::max(std::min(kLargestBlock, std::max(kFirstBlock, 2 * block_size_)), needed);
    blocks_.push_back(std::make_unique_for_overwrite<char[]>(block_size_));
    block_used_ = 0;
  }
  char* at = blocks_.back().get() + block_used_;
  std::memcpy(at, &size, sizeof size);
  std::memcpy(at + sizeof size, canonical.data(), canonical.size());
  block_used_ += needed;
  return at + sizeof size;
}

void NameTable::grow_index(std::size_t capacity) {
  capacity = std::max(capacity, names_.size());
  std::size_t size = 16;
  unsigned size_bits = 4;
  while (size < capacity + capacity / 2) {  // load factor at most 2/3
    size *= 2;
    ++size_bits;
  }
  if (size <= slots_.size()) return;
  // Ids stay below two thirds of the size, so id + 1 fits in size_bits bits.
  tag_bits_ = size_bits >= 32 ? 0 : 32 - size_bits;
  slots_.assign(size, 0);
  // The slots keep only part of each hash: the names are hashed again, in id order (their
  // text lies in that order in the arena).
  const std::size_t mask = size - 1;
  for (NameId id = 0; id < names_.size(); ++id) {
    const auto hash = static_cast<std::uint32_t>(hash_bytes(str(id)));
    std::size_t slot = hash & mask;
    while (slots_[slot] != 0) slot = (slot + 1) & mask;
    slots_[slot] = slot_value(id, hash);
  }
}

void NameTable::reserve(std::size_t count, std::size_t indexed) {
  names_.reserve(count);
  parents_.reserve(count);
  depths_.reserve(count);
  grow_index(indexed);
}

std::vector<NameId> NameTable::intern_all(const NameTable& other) {
  if (slots_.empty()) grow_index(0);
  // Room for all of them at once (most are usually new), growing geometrically so that
  // merging many small tables stays linear.
  const std::size_t needed = size() + other.size();
  if (names_.capacity() < needed) {
    const std::size_t capacity = std::max(needed, 2 * names_.capacity());
    names_.reserve(capacity);
    parents_.reserve(capacity);
    depths_.reserve(capacity);
  }
  // Every name is known in advance, so the index slot of a name some way ahead is fetched
  // while this one is probed: in a large table each probe is otherwise a cache miss. The
  // hashes of the names up to that far ahead wait in a ring. A name's parent comes before it
  // in `other`, so its id here is known and needs no lookup.
  constexpr NameId kAhead = 16;
  std::array<std::uint32_t, kAhead> ahead{};
  auto hash_of = [&](NameId id) { return static_cast<std::uint32_t>(hash_bytes(other.str(id))); };
  for (NameId id = 0; id < std::min<std::size_t>(kAhead, other.size()); ++id) {
    ahead[id] = hash_of(id);
  }
  std::vector<NameId> ids(other.size());
  for (NameId id = 0; id < other.size(); ++id) {
    const std::uint32_t hash = ahead[id % kAhead];
    if (id + kAhead < other.size()) {
      const std::uint32_t later = hash_of(id + kAhead);
      ahead[id % kAhead] = later;
      __builtin_prefetch(&slots_[later & (slots_.size() - 1)]);
    }
    ids[id] = intern(other.str(id), hash, other.is_root(id) ? kNoName : ids[other.parent(id)]);
  }
  return ids;
}

std::vector<NameId> NameTable::intern_all(NameTable&& other) {
  // The names are read by id: the other table's index can go first.
  other.slots_ = {};
  return intern_all(std::as_const(other));
}

NameId NameTable::intern(std::string_view canonical) {
  for (const NameId id : recent_) {
    // (A moved-from table keeps the ids but not the names.)
    if (id < names_.size() && str(id) == canonical) return id;
  }
  if (slots_.empty()) grow_index(0);
  const NameId id = intern(canonical, static_cast<std::uint32_t>(hash_bytes(canonical)), kNoName);
  recent_[next_recent_] = id;
  next_recent_ = (next_recent_ + 1) % kRecent;
  return id;
}

NameId NameTable::intern(std::string_view canonical, std::uint32_t hash, NameId known_parent) {
  std::size_t slot = slot_of(canonical, hash);
  if (slots_[slot] != 0) return id_in(slots_[slot]);
  NameId parent_id = kNoName;
  std::uint16_t depth = 0;
  const std::size_t size_before = names_.size();
  if (canonical != ".") {
    parent_id = known_parent != kNoName ? known_parent : intern(parent_name(canonical));
    depth = static_cast<std::uint16_t>(depths_[parent_id] + 1);
  }
  const auto id = static_cast<NameId>(names_.size());
  names_.push_back(store(canonical));
  parents_.push_back(parent_id == kNoName ? id : parent_id);
  depths_.push_back(depth);
  if (names_.size() + names_.size() / 2 > slots_.size()) {
    grow_index(names_.size());
    slot = slot_of(canonical, hash);
  } else if (names_.size() != size_before + 1) {
    slot = slot_of(canonical, hash);  // a new parent may have taken the slot found above
  }
  slots_[slot] = slot_value(id, hash);
  return id;
}

std::optional<NameId> NameTable::find(std::string_view canonical) const {
  if (slots_.empty()) return std::nullopt;
  const std::uint32_t value =
      slots_[slot_of(canonical, static_cast<std::uint32_t>(hash_bytes(canonical)))];
  if (value == 0) return std::nullopt;
  return id_in(value);
}

bool NameTable::is_at_or_below(NameId name, NameId ancestor) const {
  while (depths_[name] > depths_[ancestor]) name = parents_[name];
  return name == ancestor;
}

}  // namespace dnslint
