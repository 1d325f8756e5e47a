// For the rules' unit tests: a model read from zone text.
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "formats/zone/zone_reader.hpp"
#include "model/model.hpp"

namespace dnslint::testing {

// The model of one zone file's text, indexed; the text must read without findings.
inline Model model_of_zone(const std::string& text, std::string_view origin = "example.com.") {
  ZoneReadOptions options;
  options.display_path = "test.zone";
  options.origin = std::string(origin);
  auto read = read_zone(text, options);
  REQUIRE(read.findings.empty());
  Model model;
  model.names = std::move(read.names);
  model.files = std::move(read.files);
  model.zones.push_back(std::move(read.zone));
  model.build_indexes();
  return model;
}

}  // namespace dnslint::testing
