#include "formats/zone/zone_reader.hpp"

#include <doctest/doctest.h>

#include "formats/zone/zone_testing.hpp"

namespace dnslint {
namespace {

using testing::MemoryLoader;

ZoneReadResult read(std::string_view text, std::string origin = "example.com.",
                    IncludeLoader* loader = nullptr) {
  ZoneReadOptions options;
  options.display_path = "test.zone";
  options.identity = "test.zone";
  options.origin = std::move(origin);
  options.includes = loader;
  return read_zone(text, options);
}

std::string owner(const ZoneReadResult& r, std::size_t i) {
  return std::string(r.names.str(r.zone.records.at(i).owner));
}

constexpr std::string_view kSoa = "@ IN SOA ns.example.com. host.example.com. 1 2 3 4 300\n";

}  // namespace

TEST_CASE("an owner written again is the same name only under the same origin") {
  const auto r = read(std::string("$TTL 60\n") + std::string(kSoa) +
                      "www A 192.0.2.1\n"
                      "www AAAA 2001:db8::1\n"
                      "$ORIGIN example.net.\n"
                      "www A 192.0.2.2\n"
                      "bad..name A 192.0.2.3\n"
                      "bad..name A 192.0.2.4\n"
                      "www A 192.0.2.5\n");
  REQUIRE(r.zone.records.size() == 5);
  CHECK(owner(r, 1) == "www.example.com.");
  CHECK(r.zone.records[1].owner == r.zone.records[2].owner);
  CHECK(owner(r, 3) == "www.example.net.");
  CHECK(owner(r, 4) == "www.example.net.");
  // A bad owner is reported each time it is written.
  CHECK(r.findings.size() == 2);
}

TEST_CASE("owner, TTL and class may be omitted and come in either order") {
  const auto r = read(std::string("$TTL 60\n") + std::string(kSoa) +
                      "www 120 IN A 192.0.2.1\n"
                      "    IN 30 A 192.0.2.2\n"
                      "    A 192.0.2.3\n");
  CHECK(r.findings.empty());
  REQUIRE(r.zone.records.size() == 4);
  CHECK(owner(r, 2) == "www.example.com.");
  CHECK(r.zone.records[1].ttl == 120);
  CHECK(r.zone.records[2].ttl == 30);
  CHECK(r.zone.records[3].ttl == 60);  // $TTL wins over the last explicit TTL
  CHECK(r.zone.records[3].location.get().line == 5);
  CHECK(r.zone.records[3].location.get().column == 5);
}

TEST_CASE("default TTL as BIND: last explicit TTL, else the SOA minimum") {
  const auto r = read(std::string(kSoa) + "a A 192.0.2.1\nb 77 A 192.0.2.2\nc A 192.0.2.3\n");
  REQUIRE(r.zone.records.size() == 4);
  CHECK(r.zone.records[0].ttl == 300);
  CHECK(r.zone.records[1].ttl == 300);
  CHECK(r.zone.records[2].ttl == 77);
  CHECK(r.zone.records[3].ttl == 77);
}

TEST_CASE("$ORIGIN, absolute and relative") {
  const auto r = read("$TTL 1\n$ORIGIN sub\na A 192.0.2.1\n$ORIGIN other.net.\nb A 192.0.2.2\n");
  CHECK(r.findings.empty());
  CHECK(owner(r, 0) == "a.sub.example.com.");
  CHECK(owner(r, 1) == "b.other.net.");
}

TEST_CASE("$INCLUDE with an origin; origin and owner come back afterwards") {
  MemoryLoader loader;
  loader.files["inc.db"] = "@ A 192.0.2.9\nx A 192.0.2.10\nbad A 1.2.3\n";
  const auto r =
      read("$TTL 1\nwww A 192.0.2.1\n$INCLUDE inc.db sub.example.com.\n    A 192.0.2.2\n",
           "example.com.", &loader);
  REQUIRE(r.zone.records.size() == 4);
  CHECK(owner(r, 1) == "sub.example.com.");
  CHECK(owner(r, 2) == "x.sub.example.com.");
  CHECK(owner(r, 3) == "www.example.com.");  // BIND restores the owner after $INCLUDE
  CHECK(r.zone.records[1].location.get().file == 1);
  REQUIRE(r.files.size() == 2);
  CHECK(r.files[1] == "inc.db");
  REQUIRE(r.findings.size() == 1);
  CHECK(r.findings[0].location.file == 1);
  CHECK(r.findings[0].location.line == 3);
  CHECK(r.findings[0].message == "bad IPv4 address '1.2.3'");
}

TEST_CASE("$INCLUDE failures are include-errors and nothing is read") {
  MemoryLoader loader;
  loader.files["self.db"] = "$INCLUDE self.db\n";
  const auto r = read("$INCLUDE missing.db\n$INCLUDE self.db\n", "example.com.", &loader);
  REQUIRE(r.findings.size() == 2);
  CHECK(r.findings[0].rule == "include-error");
  CHECK(r.findings[0].message.view().find("file not found") != std::string::npos);
  CHECK(r.findings[1].message.view().find("cycle") != std::string::npos);
  CHECK(r.findings[1].location.file == 1);
  CHECK(read("$INCLUDE x.db\n").findings.at(0).rule == "include-error");
}

TEST_CASE("$GENERATE expands at the directive's position") {
  const auto r = read("$TTL 1\n$GENERATE 1-3 host$ A 192.0.2.$\n$GENERATE 5-5 m MX \"${0,2} .\"\n");
  CHECK(r.findings.empty());
  REQUIRE(r.zone.records.size() == 4);
  CHECK(owner(r, 2) == "host3.example.com.");
  CHECK(std::get<AData>(r.zone.records[2].rdata).address == 0xc0000203u);
  CHECK(r.zone.records[2].location.get().line == 2);
  CHECK(std::get<MxData>(r.zone.records[3].rdata).preference() == 5);
}

TEST_CASE("nothing is dropped or rewritten: out-of-range preference, duplicates, second SOA") {
  const auto r = read(std::string("$TTL 1\n") + std::string(kSoa) + std::string(kSoa) +
                      "@ MX 70000 mail\n@ MX 10 mail\n@ MX 10 mail\n");
  CHECK(r.findings.empty());
  REQUIRE(r.zone.records.size() == 5);
  CHECK(std::get<MxData>(r.zone.records[2].rdata).preference() == 70000);
  CHECK(r.zone.records[1].type == rrtype::SOA);
}

TEST_CASE("RFC 3597 generic types and rdata") {
  const auto r =
      read("$TTL 1\na TYPE65280 \\# 2 abcd\nb A \\# 4 C0000201\nc TYPE15 \\# 3 000a00\n");
  CHECK(r.findings.empty());
  REQUIRE(r.zone.records.size() == 3);
  CHECK(r.zone.records[0].type == 65280);
  CHECK(std::get<GenericData>(r.zone.records[0].rdata).wire.view() == "\xab\xcd");
  CHECK(std::get<AData>(r.zone.records[1].rdata).address == 0xc0000201u);
  CHECK(r.zone.records[2].type == rrtype::MX);
  CHECK(r.names.str(std::get<MxData>(r.zone.records[2].rdata).exchange.name) == ".");
}

TEST_CASE("every bad record is reported at its token and reading goes on") {
  const auto r = read("$TTL 1\na A 192.0.2.300\nb A 192.0.2.1\nc MX x mail\nd A 192.0.2.4\n");
  REQUIRE(r.findings.size() == 2);
  CHECK(r.findings[0].location.line == 2);
  CHECK(r.findings[0].location.column == 5);
  CHECK(r.findings[0].location.end_column == 16);
  CHECK(r.findings[1].message == "bad MX preference 'x'");
  CHECK(r.zone.records.size() == 2);
}

TEST_CASE("a file that needs an origin and has none says so once") {
  const auto r = read(
      "$TTL 1\nwww A 192.0.2.1\n    A 192.0.2.2\nftp A 192.0.2.3\nabs.example. A 192.0.2.4\n", "");
  REQUIRE(r.findings.size() == 1);
  CHECK(r.findings[0].message.view().find("no origin is known") != std::string::npos);
  REQUIRE(r.zone.records.size() == 1);
  CHECK(owner(r, 0) == "abs.example.");
}

TEST_CASE("the zone origin: $ORIGIN, and the SOA owner for a guessed origin") {
  CHECK(read("$ORIGIN .\n$TTL 1\nexample SOA a. b. 1 2 3 4 5\n", "").zone.origin != kNoName);
  const auto r = read("$ORIGIN .\n$TTL 1\nexample SOA a. b. 1 2 3 4 5\n", "");
  CHECK(r.names.str(r.zone.origin) == "example.");
  const auto guessed = read("$TTL 1\nreal.example. SOA a. b. 1 2 3 4 5\n", "file.name.");
  CHECK(guessed.names.str(guessed.zone.origin) == "real.example.");
}

TEST_CASE("origins implied by file names") {
  CHECK(origin_from_file_name("zones/example.com.zone") == "example.com.");
  CHECK(origin_from_file_name("example.com.db") == "example.com.");
  CHECK(origin_from_file_name("/etc/bind/db.example.com") == "example.com.");
  CHECK(origin_from_file_name("2.0.192.in-addr.arpa") == "2.0.192.in-addr.arpa.");
  CHECK(origin_from_file_name("example.com") == "example.com.");
  CHECK(origin_from_file_name("2.0.192.in-addr.arpa.") == "2.0.192.in-addr.arpa.");
  CHECK_FALSE(origin_from_file_name("zonefile"));
  CHECK_FALSE(origin_from_file_name("<stdin>"));
}

}  // namespace dnslint
