// Immutable text behind one pointer, shared by its copies through a reference count.
#pragma once

#include <atomic>
#include <compare>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <new>
#include <string>
#include <string_view>
#include <utility>

namespace dnslint {

// For the parts of findings that many of them repeat: the zone's name, the record type, an
// owner with several findings, a related location's "first defined here". A large zone has
// hundreds of thousands of findings; each holding its own std::string copies of these cost
// 32 bytes apiece and an allocation for most names, where a shared text costs 8 bytes.
// Reads as a std::string_view; copies may be released on any thread.
class SharedText {
 public:
  SharedText() = default;
  SharedText(std::string_view text) {  // NOLINT: implicit, as from text to std::string
    if (text.empty()) return;
    void* memory = ::operator new(sizeof(Header) + text.size());
    header_ = new (memory) Header{1, static_cast<std::uint32_t>(text.size())};
    std::memcpy(chars(), text.data(), text.size());
  }
  SharedText(const char* text) : SharedText(std::string_view(text)) {}  // NOLINT: implicit
  // The text of `parts` one after another, made without a copy in between.
  static SharedText concatenate(std::initializer_list<std::string_view> parts) {
    std::size_t size = 0;
    for (std::string_view part : parts) size += part.size();
    SharedText text;
    if (size == 0) return text;
    void* memory = ::operator new(sizeof(Header) + size);
    text.header_ = new (memory) Header{1, static_cast<std::uint32_t>(size)};
    char* at = text.chars();
    for (std::string_view part : parts) {
      if (!part.empty()) std::memcpy(at, part.data(), part.size());
      at += part.size();
    }
    return text;
  }
  SharedText(const std::string& text) : SharedText(std::string_view(text)) {}  // NOLINT

  SharedText(const SharedText& other) noexcept : header_(other.header_) {
    if (header_ != nullptr) header_->references.fetch_add(1, std::memory_order_relaxed);
  }
  SharedText(SharedText&& other) noexcept : header_(std::exchange(other.header_, nullptr)) {}
  SharedText& operator=(SharedText other) noexcept {
    std::swap(header_, other.header_);
    return *this;
  }
  ~SharedText() {
    if (header_ != nullptr && header_->references.fetch_sub(1, std::memory_order_acq_rel) == 1) {
      header_->~Header();
      ::operator delete(header_);
    }
  }

  std::string_view view() const {
    return header_ == nullptr ? std::string_view() : std::string_view(chars(), header_->size);
  }
  operator std::string_view() const { return view(); }  // NOLINT: reads as text
  std::string str() const { return std::string(view()); }
  std::size_t size() const { return header_ == nullptr ? 0 : header_->size; }
  bool empty() const { return header_ == nullptr; }

  friend bool operator==(const SharedText& a, const SharedText& b) { return a.view() == b.view(); }
  friend bool operator==(const SharedText& a, std::string_view b) { return a.view() == b; }
  friend bool operator==(const SharedText& a, const char* b) { return a.view() == b; }
  friend std::strong_ordering operator<=>(const SharedText& a, const SharedText& b) {
    return a.view() <=> b.view();
  }

 private:
  struct Header {
    std::atomic<std::uint32_t> references;
    std::uint32_t size;
  };
  char* chars() const { return reinterpret_cast<char*>(header_ + 1); }

  Header* header_ = nullptr;  // null for the empty text
};

}  // namespace dnslint
