// Shared by the fuzz targets: run every rule over what a reader made of the input, so that a
// fuzzed model reaches the rules too, not only the reader.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "formats/read_result.hpp"
#include "linter/engine/engine.hpp"

namespace dnslint::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

inline void lint_read(ReadResult&& read) {
  std::vector<ReadResult> reads;
  reads.push_back(std::move(read));
  LintRequest request;
  request.report_unused_suppressions = true;
  (void)lint_reads(std::move(reads), request);
}

}  // namespace dnslint::fuzz
