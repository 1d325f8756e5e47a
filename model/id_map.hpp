// A hash map from NameId to a value, stored flat (open addressing, linear probing): one
// allocation for the whole table instead of one node per entry. The model and the rules index
// millions of names with it, where a node-based map costs several times the memory and a
// cache miss per node. Iteration order is unspecified, so nothing may reach a report through it.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "model/name.hpp"

namespace dnslint {

template <typename Value>
class IdMap {
 public:
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  void reserve(std::size_t count) { grow(count); }

  Value* find(NameId key) {
    if (slots_.empty()) return nullptr;
    Slot& slot = slots_[probe(key)];
    return slot.key == kNoName ? nullptr : &slot.value;
  }
  const Value* find(NameId key) const { return const_cast<IdMap*>(this)->find(key); }
  bool contains(NameId key) const { return find(key) != nullptr; }

  // The value of `key`, default-constructed first when absent; `inserted` tells which.
  // Only an insertion moves the values (references to them are then invalid).
  Value& try_emplace(NameId key, bool& inserted) {
    if (Value* found = find(key)) {
      inserted = false;
      return *found;
    }
    grow(size_ + 1);
    Slot& slot = slots_[probe(key)];
    inserted = true;
    slot.key = key;
    slot.value = Value();
    ++size_;
    return slot.value;
  }
  Value& operator[](NameId key) {
    bool inserted = false;
    return try_emplace(key, inserted);
  }
  // Inserts when absent; true when it was.
  bool insert(NameId key, Value value) {
    bool inserted = false;
    Value& slot = try_emplace(key, inserted);
    if (inserted) slot = std::move(value);
    return inserted;
  }

  void clear() {
    slots_.clear();
    size_ = 0;
  }

 private:
  struct Slot {
    NameId key = kNoName;
    Value value{};
  };

  static std::size_t hash(NameId key) {
    // The MurmurHash3 finaliser: every bit of the id affects the low bits the mask keeps.
    std::uint32_t h = key;
    h ^= h >> 16;
    h *= 0x85ebca6bU;
    h ^= h >> 13;
    h *= 0xc2b2ae35U;
    h ^= h >> 16;
    return h;
  }

  std::size_t probe(NameId key) const {
    const std::size_t mask = slots_.size() - 1;
    std::size_t at = hash(key) & mask;
    while (slots_[at].key != kNoName && slots_[at].key != key) at = (at + 1) & mask;
    return at;
  }

  void grow(std::size_t count) {
    if (count + count / 2 < slots_.size()) return;  // load factor at most 2/3
    std::size_t capacity = 16;
    while (capacity <= count + count / 2) capacity *= 2;
    std::vector<Slot> old(capacity);
    old.swap(slots_);
    for (Slot& slot : old) {
      if (slot.key != kNoName) slots_[probe(slot.key)] = std::move(slot);
    }
  }

  std::vector<Slot> slots_;
  std::size_t size_ = 0;
};

// A set of NameIds with the same layout.
class IdSet {
 public:
  bool contains(NameId key) const { return map_.contains(key); }
  bool insert(NameId key) { return map_.insert(key, Empty{}); }
  std::size_t size() const { return map_.size(); }
  bool empty() const { return map_.empty(); }
  void reserve(std::size_t count) { map_.reserve(count); }
  void clear() { map_.clear(); }

 private:
  struct Empty {};
  IdMap<Empty> map_;
};

// A set of NameIds that is a bitmap over the ids [0, id_limit) when that takes little memory
// next to the expected count, else an IdSet. The names of one zone are nearly dense in the
// run's name table, so for a large zone one bit per name of the table beats 16 bytes per
// member, and a lookup is a single read of a small array instead of a probe.
class CompactIdSet {
 public:
  void reset(std::size_t id_limit, std::size_t expected_count) {
    bits_.clear();
    hashed_.clear();
    dense_ = id_limit / 8 <= 16 * expected_count + 8192;
    if (dense_) {
      bits_.assign((id_limit + 63) / 64, 0);
    } else {
      hashed_.reserve(expected_count);
    }
  }
  bool contains(NameId key) const {
    if (!dense_) return hashed_.contains(key);
    const std::size_t word = key / 64;
    return word < bits_.size() && (bits_[word] >> (key % 64) & 1) != 0;
  }
  bool insert(NameId key) {
    if (!dense_) return hashed_.insert(key);
    const std::size_t word = key / 64;
    if (word >= bits_.size()) bits_.resize(word + 1, 0);
    const std::uint64_t bit = std::uint64_t{1} << (key % 64);
    const bool inserted = (bits_[word] & bit) == 0;
    bits_[word] |= bit;
    return inserted;
  }

 private:
  bool dense_ = false;
  std::vector<std::uint64_t> bits_;
  IdSet hashed_;
};

}  // namespace dnslint
