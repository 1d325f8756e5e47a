// Turns the rdata tokens of one record into typed rdata. The types the rules read are parsed
// natively, with exact positions and precise reasons; every other type is converted and
// validated by ldns, which knows them all. RFC 3597 "\# len hex" works for both.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <variant>

#include "formats/zone/zone_scanner.hpp"
#include "model/name.hpp"
#include "model/record.hpp"
#include "model/reported_rules.hpp"

namespace dnslint {

struct RdataError {
  std::size_t token = 0;  // index into the rdata tokens of the token at fault
  std::string message;
  bool missing_origin = false;                    // a relative name, and no origin is known
  std::string_view rule = rule_id::syntax_error;  // the rule that reports it
};

class RdataParser {
 public:
  RdataParser();
  ~RdataParser();
  RdataParser(const RdataParser&) = delete;
  RdataParser& operator=(const RdataParser&) = delete;

  // `origin` is canonical, or empty when unknown; names are interned into `names`.
  std::variant<Rdata, RdataError> parse(RRType type, std::span<const Token> tokens,
                                        std::string_view origin, NameTable& names);

 private:
  std::variant<Rdata, RdataError> parse_native(RRType type, std::span<const Token> tokens,
                                               std::string_view origin, NameTable& names);
  std::variant<Rdata, RdataError> parse_opaque(RRType type, std::span<const Token> tokens);
  std::variant<Rdata, RdataError> parse_with_ldns(RRType type, std::span<const Token> tokens,
                                                  std::string_view origin, NameTable& names);
  std::variant<TargetName, RdataError> read_target(const Token& token, std::size_t index,
                                                   std::string_view what, std::string_view origin,
                                                   NameTable& names);
  NameId origin_id(std::string_view origin, NameTable& names);

  struct Ldns;
  std::unique_ptr<Ldns> ldns_;
  std::string name_buffer_;  // reused for every name, so that reading a name allocates nothing
  NameId origin_id_ = kNoName;
};

// True for the types parse() handles without ldns.
bool has_native_parser(RRType type);

// Types whose presentation format libldns 1.8 does not implement (it rejects valid records):
// their rdata is kept as written and only checked to be present. RFC 3597 "\# len hex" data
// of these types is still decoded by ldns.
bool is_opaque_to_ldns(RRType type);

}  // namespace dnslint
