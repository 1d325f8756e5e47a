// Fuzz target: the zone file scanner and reader, then every rule. $INCLUDE has no loader
// here (each one is an include-error); $GENERATE is bounded to keep runs fast.
#include "formats/zone_reader.hpp"
#include "fuzz/fuzz_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace dnslint;
  ZoneReadOptions options;
  options.display_path = "fuzz.zone";
  options.identity = "fuzz.zone";
  options.origin = "example.com.";
  options.max_generate_records = 10'000;
  ZoneReadResult zone = read_zone(fuzz::as_text(data, size), options);
  ReadResult read;
  read.names = std::move(zone.names);
  read.files = std::move(zone.files);
  read.findings = std::move(zone.findings);
  read.suppressions = std::move(zone.suppressions);
  read.zones.push_back(std::move(zone.zone));
  fuzz::lint_read(std::move(read));
  return 0;
}
