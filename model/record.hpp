// One resource record as the file wrote it, with typed rdata for the types rules read.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <span>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "model/location.hpp"
#include "model/name.hpp"
#include "model/rrtype.hpp"

namespace dnslint {

// A domain name in rdata: the canonical name and, when the file wrote it relative, the origin
// that was appended (rules such as target-missing-trailing-dot need to see what the author
// typed; keeping the origin instead of the text keeps a record small).
struct TargetName {
  NameId name = kNoName;
  NameId relative_to = kNoName;  // kNoName when written absolute (or as "@")
  bool written_relative() const { return relative_to != kNoName; }
};

// The target as the file wrote it, up to case and escapes: "mail" for a relative name,
// "mail.example.net." for an absolute one.
std::string_view written_text(const NameTable& names, const TargetName& target);

// A trivially copyable value kept at 4-byte alignment. The rdata alternatives use it for
// their pointers and 64-bit numbers so that the rdata variant is 4-byte aligned and packs
// right after the record's location: a record is 48 bytes instead of 56.
template <typename T>
class Packed {
  static_assert(std::is_trivially_copyable_v<T>);

 public:
  Packed() : Packed(T{}) {}
  Packed(T value) { set(value); }  // NOLINT: implicit by design
  T get() const {
    T value;
    std::memcpy(&value, bytes_, sizeof value);
    return value;
  }
  void set(T value) { std::memcpy(bytes_, &value, sizeof value); }

 private:
  alignas(4) unsigned char bytes_[sizeof(T)];
};

// An owning pointer, as std::unique_ptr<T>, kept at 4-byte alignment for the same reason.
template <typename T>
class PackedUnique {
 public:
  using Pointer = std::remove_extent_t<T>*;
  PackedUnique() = default;
  explicit PackedUnique(Pointer owned) : pointer_(owned) {}
  PackedUnique(PackedUnique&& other) noexcept : pointer_(other.release()) {}
  PackedUnique& operator=(PackedUnique&& other) noexcept {
    reset(other.release());
    return *this;
  }
  ~PackedUnique() { reset(nullptr); }
  Pointer get() const { return pointer_.get(); }
  Pointer release() {
    const Pointer owned = get();
    pointer_.set(nullptr);
    return owned;
  }
  void reset(Pointer owned) {
    const Pointer old = get();
    pointer_.set(owned);
    if (old != nullptr) std::default_delete<T>()(old);
  }

 private:
  Packed<Pointer> pointer_{nullptr};
};

// Bytes behind one pointer: 8 bytes in a record where a std::string takes 32, so that the
// rdata of every type but the rare big ones fits in 16 bytes.
class HeapBytes {
 public:
  HeapBytes() = default;
  explicit HeapBytes(std::string_view bytes) {
    if (bytes.empty()) return;
    const auto size = static_cast<std::uint32_t>(bytes.size());
    data_.reset(new char[sizeof size + bytes.size()]);
    std::memcpy(data_.get(), &size, sizeof size);
    std::memcpy(data_.get() + sizeof size, bytes.data(), bytes.size());
  }
  HeapBytes(const HeapBytes& other) : HeapBytes(other.view()) {}
  HeapBytes& operator=(const HeapBytes& other) { return *this = HeapBytes(other.view()); }
  HeapBytes(HeapBytes&&) noexcept = default;
  HeapBytes& operator=(HeapBytes&&) noexcept = default;

  std::string_view view() const {
    const char* data = data_.get();
    if (data == nullptr) return {};
    std::uint32_t size = 0;
    std::memcpy(&size, data, sizeof size);
    return {data + sizeof size, size};
  }
  bool operator==(const HeapBytes& other) const { return view() == other.view(); }

 private:
  PackedUnique<char[]> data_;  // a 4-byte length, then the bytes; null when empty
};

// A value kept on the heap and copied deeply: for rdata that is rare and larger than 16 bytes.
template <typename T>
class Boxed {
 public:
  Boxed(T value) : value_(new T(std::move(value))) {}  // NOLINT: implicit by design
  Boxed(const Boxed& other) : value_(new T(*other)) {}
  Boxed& operator=(const Boxed& other) { return *this = Boxed(*other); }
  Boxed(Boxed&&) noexcept = default;
  Boxed& operator=(Boxed&&) noexcept = default;
  const T& operator*() const { return *value_.get(); }
  T& operator*() { return *value_.get(); }
  const T* operator->() const { return value_.get(); }
  T* operator->() { return value_.get(); }

 private:
  PackedUnique<T> value_;  // never null, except after a move
};

struct AData {
  std::uint32_t address = 0;  // host byte order
};
struct AaaaData {
  std::array<std::uint8_t, 16> address{};
};
// CNAME, NS, PTR, DNAME: one target name.
struct NameData {
  TargetName target;
};
struct MxData {
  // Kept as written, even outside 0..65535, so that mx-preference-out-of-range can report it
  // instead of the value silently wrapping (clamped to the int64 range for absurd inputs).
  std::int64_t preference() const { return preference_.get(); }
  void set_preference(std::int64_t value) { preference_.set(value); }
  TargetName exchange;

 private:
  Packed<std::int64_t> preference_;
};
struct SrvData {
  std::uint16_t priority = 0;
  std::uint16_t weight = 0;
  std::uint16_t port = 0;
  TargetName target;
};
struct SoaData {
  TargetName mname;
  TargetName rname;
  std::uint32_t serial = 0;
  std::uint32_t refresh = 0;
  std::uint32_t retry = 0;
  std::uint32_t expire = 0;
  std::uint32_t minimum = 0;
};
// TXT and SPF: the character-strings in wire form, each behind its length octet (RFC 1035
// §3.3.14), which is also what decides whether two TXT records are the same.
struct TxtData {
  HeapBytes wire;

  static TxtData from_strings(const std::vector<std::string>& strings);
  // The decoded character-strings.
  std::vector<std::string> strings() const;
  // Calls `visit(string)` for each character-string, in order, without copying.
  template <typename Visit>
  void for_each_string(Visit visit) const {
    std::string_view rest = wire.view();
    while (!rest.empty()) {
      const std::size_t size =
          std::min<std::size_t>(static_cast<unsigned char>(rest[0]), rest.size() - 1);
      visit(rest.substr(1, size));
      rest.remove_prefix(1 + size);
    }
  }
};
// Every other type: rdata in uncompressed wire form, as ldns encodes it (or, for the few types
// ldns cannot read, the presentation text as written).
struct GenericData {
  HeapBytes wire;
};

using Rdata =
    std::variant<AData, AaaaData, NameData, MxData, SrvData, Boxed<SoaData>, TxtData, GenericData>;

struct Record {
  NameId owner = kNoName;
  RRType type = 0;
  RRClass rclass = rrclass::IN;
  std::uint32_t ttl = 0;
  // Set by the IaC readers for values that cannot be known statically (`${var.x}`, `!Ref`):
  // the rdata or TTL then holds a placeholder, and rules skip what they cannot judge.
  static constexpr std::uint8_t kUnknownValue = 1;
  static constexpr std::uint8_t kUnknownTtl = 2;
  // A provider's proxy answers for the record with its own addresses (Cloudflare's `proxied`):
  // the data is right in the files, and no server serves it.
  static constexpr std::uint8_t kProxied = 4;
  std::uint8_t flags = 0;
  // Routing alternatives (Route 53 set_identifier, weighted or geo answers): records of one
  // owner and type with different variants are not one RRset. 0 for plain records.
  std::uint16_t variant = 0;
  PackedLocation location;
  Rdata rdata;

  bool unknown_value() const { return (flags & kUnknownValue) != 0; }
  bool unknown_ttl() const { return (flags & kUnknownTtl) != 0; }
  bool proxied() const { return (flags & kProxied) != 0; }
};
// Every record of a large zone is in memory at once; the rdata packs after the location.
static_assert(sizeof(Record) == 48);

// The SOA rdata of a record, or nullptr.
inline const SoaData* soa_of(const Record& record) {
  const auto* box = std::get_if<Boxed<SoaData>>(&record.rdata);
  return box != nullptr ? &**box : nullptr;
}
inline SoaData* soa_of(Record& record) {
  auto* box = std::get_if<Boxed<SoaData>>(&record.rdata);
  return box != nullptr ? &**box : nullptr;
}

// The target name of CNAME/NS/PTR/DNAME/MX/SRV rdata, or nullptr.
const TargetName* target_of(const Record& record);

// Replaces every name id of `record` (its owner and the names in its rdata) by new_ids[id]:
// for moving records from one name table into another.
void rename_names(Record& record, std::span<const NameId> new_ids);

// A key equal for two records exactly when their rdata is the same (RFC 2181 §5: names in rdata
// compare case-insensitively, which canonical names already do).
std::string rdata_key(const Record& record);

// True when the two records' rdata is the same, as rdata_key compares it (without making keys).
bool same_rdata(const Record& a, const Record& b);

// The record's data in presentation format (RFC 1035 §5.1), names absolute, TXT strings
// quoted; the generic form (RFC 3597 §5) for every type kept in wire form.
std::string presentation_text(const NameTable& names, const Record& record);

}  // namespace dnslint
