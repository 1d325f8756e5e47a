// Fuzz target: the test a folder walk makes of a zone file's head, the zone file scanner and
// reader, then every rule. $INCLUDE has no loader here (each one is an include-error);
// $GENERATE is bounded to keep runs fast. The input is also read in small parts on three
// threads, which must give exactly the same result.
#include <cstdlib>

#include "formats/zone/zone_reader.hpp"
#include "formats/zone/zone_testing.hpp"
#include "fuzz/fuzz_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace dnslint;
  (void)looks_like_master_file(fuzz::as_text(data, size));
  ZoneReadOptions options;
  options.display_path = "fuzz.zone";
  options.identity = "fuzz.zone";
  options.origin = "example.com.";
  options.max_generate_records = 10'000;
  ZoneReadResult zone = read_zone(fuzz::as_text(data, size), options);
  options.threads = 3;
  options.for_each = dnslint::testing::on_own_threads;
  options.min_part_bytes = 16;
  if (testing::describe(zone) != testing::describe(read_zone(fuzz::as_text(data, size), options))) {
    std::abort();
  }
  ReadResult read;
  read.names = std::move(zone.names);
  read.files = std::move(zone.files);
  read.findings = std::move(zone.findings);
  read.suppressions = std::move(zone.suppressions);
  read.zones.push_back(std::move(zone.zone));
  fuzz::lint_read(std::move(read));
  return 0;
}
