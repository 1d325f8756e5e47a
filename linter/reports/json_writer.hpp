// A minimal streaming JSON writer: always valid output, strings escaped and made valid UTF-8.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dnslint {

class JsonWriter {
 public:
  explicit JsonWriter(int indent = 2) : indent_(indent) {}

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view name);
  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(std::int64_t number);
  JsonWriter& value(std::uint64_t number) { return value(static_cast<std::int64_t>(number)); }
  JsonWriter& value(std::uint32_t number) { return value(static_cast<std::int64_t>(number)); }
  JsonWriter& value(int number) { return value(static_cast<std::int64_t>(number)); }
  JsonWriter& value(bool flag);

  const std::string& str() const { return out_; }
  // The document and a final newline, moved out (a report of 100 MB is not copied).
  std::string take_document() {
    out_ += '\n';
    return std::move(out_);
  }
  // Room for `bytes` of output, so that a large report is not copied as it grows.
  void reserve(std::size_t bytes) { out_.reserve(bytes); }

 private:
  void before_value();
  JsonWriter& close(char bracket);
  void newline();

  std::string out_;
  int indent_;
  std::vector<bool> first_;  // per open container: no element written yet
  bool after_key_ = false;
};

// `text` as a JSON string literal, quotes included; invalid UTF-8 becomes U+FFFD.
std::string json_quote(std::string_view text);

}  // namespace dnslint
