// One resource record as the file wrote it, with typed rdata for the types rules read.
#pragma once

#include <array>
#include <cstdint>
#include <string>
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
  std::int64_t preference = 0;
  TargetName exchange;
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
struct TxtData {
  std::vector<std::string> strings;  // decoded character-strings
};
// Every other type: rdata in uncompressed wire form, as ldns encodes it (or, for the few types
// ldns cannot read, the presentation text as written).
struct GenericData {
  std::string wire;
};

using Rdata =
    std::variant<AData, AaaaData, NameData, MxData, SrvData, SoaData, TxtData, GenericData>;

struct Record {
  NameId owner = kNoName;
  RRType type = 0;
  RRClass rclass = rrclass::IN;
  std::uint32_t ttl = 0;
  // Set by the IaC readers for values that cannot be known statically (`${var.x}`, `!Ref`):
  // the rdata or TTL then holds a placeholder, and rules skip what they cannot judge.
  static constexpr std::uint8_t kUnknownValue = 1;
  static constexpr std::uint8_t kUnknownTtl = 2;
  std::uint8_t flags = 0;
  // Routing alternatives (Route 53 set_identifier, weighted or geo answers): records of one
  // owner and type with different variants are not one RRset. 0 for plain records.
  std::uint16_t variant = 0;
  SourceLocation location;
  Rdata rdata;

  bool unknown_value() const { return (flags & kUnknownValue) != 0; }
  bool unknown_ttl() const { return (flags & kUnknownTtl) != 0; }
};

// The target name of CNAME/NS/PTR/DNAME/MX/SRV rdata, or nullptr.
const TargetName* target_of(const Record& record);

// A key equal for two records exactly when their rdata is the same (RFC 2181 §5: names in rdata
// compare case-insensitively, which canonical names already do).
std::string rdata_key(const Record& record);

}  // namespace dnslint
