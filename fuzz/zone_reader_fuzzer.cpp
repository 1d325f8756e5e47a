// Fuzz target: the zone file scanner and reader, then every rule. $INCLUDE has no loader
// here (each one is an include-error); $GENERATE is bounded to keep runs fast. The input is
// also read in small parts on three threads, which must give exactly the same result.
#include <cstdlib>

#include "formats/zone_reader.hpp"
#include "fuzz/fuzz_target.hpp"

namespace {

bool same_read(const dnslint::ZoneReadResult& a, const dnslint::ZoneReadResult& b) {
  using namespace dnslint;
  if (a.names.size() != b.names.size() || a.zone.origin != b.zone.origin ||
      a.zone.records.size() != b.zone.records.size() || a.findings.size() != b.findings.size()) {
    return false;
  }
  for (NameId id = 0; id < a.names.size(); ++id) {
    if (a.names.str(id) != b.names.str(id)) return false;
  }
  auto same_location = [](const SourceLocation& x, const SourceLocation& y) {
    return x.file == y.file && x.line == y.line && x.column == y.column &&
           x.end_line == y.end_line && x.end_column == y.end_column;
  };
  for (std::size_t i = 0; i < a.zone.records.size(); ++i) {
    const Record& x = a.zone.records[i];
    const Record& y = b.zone.records[i];
    if (x.owner != y.owner || x.type != y.type || x.ttl != y.ttl || x.rclass != y.rclass ||
        !same_location(x.location, y.location) || rdata_key(x) != rdata_key(y)) {
      return false;
    }
  }
  for (std::size_t i = 0; i < a.findings.size(); ++i) {
    if (a.findings[i].message != b.findings[i].message ||
        !same_location(a.findings[i].location, b.findings[i].location)) {
      return false;
    }
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace dnslint;
  ZoneReadOptions options;
  options.display_path = "fuzz.zone";
  options.identity = "fuzz.zone";
  options.origin = "example.com.";
  options.max_generate_records = 10'000;
  ZoneReadResult zone = read_zone(fuzz::as_text(data, size), options);
  options.threads = 3;
  options.min_part_bytes = 16;
  if (!same_read(zone, read_zone(fuzz::as_text(data, size), options))) std::abort();
  ReadResult read;
  read.names = std::move(zone.names);
  read.files = std::move(zone.files);
  read.findings = std::move(zone.findings);
  read.suppressions = std::move(zone.suppressions);
  read.zones.push_back(std::move(zone.zone));
  fuzz::lint_read(std::move(read));
  return 0;
}
