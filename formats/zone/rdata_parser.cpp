#include "formats/zone/rdata_parser.hpp"

#include <fmt/format.h>
#include <ldns/ldns.h>

#include <charconv>
#include <cstdlib>
#include <limits>

#include "formats/zone/presentation_checks.hpp"
#include "formats/zone/ttl.hpp"
#include "model/address.hpp"

namespace dnslint {
namespace {

struct Fields {
  std::span<const Token> tokens;
  RRType type;

  std::optional<RdataError> expect(std::size_t count, std::string_view what) const {
    if (tokens.size() < count) {
      return RdataError{tokens.empty() ? 0 : tokens.size() - 1,
                        fmt::format("{} rdata needs {}", type_name(type), what)};
    }
    if (tokens.size() > count) {
      return RdataError{count, fmt::format("unexpected '{}' after the {} rdata",
                                           printable_excerpt(tokens[count].text), type_name(type))};
    }
    return std::nullopt;
  }
};

std::variant<std::uint16_t, RdataError> read_u16(const Token& token, std::size_t index,
                                                 std::string_view what) {
  unsigned value = 0;
  const auto* end = token.text.data() + token.text.size();
  auto [ptr, ec] = std::from_chars(token.text.data(), end, value);
  if (ec == std::errc::result_out_of_range || (ec == std::errc() && ptr == end && value > 0xffff)) {
    return RdataError{
        index, fmt::format("{} '{}' is outside 0..65535", what, printable_excerpt(token.text))};
  }
  if (ec != std::errc() || ptr != end) {
    return RdataError{index, fmt::format("bad {} '{}'", what, printable_excerpt(token.text))};
  }
  return static_cast<std::uint16_t>(value);
}

// An MX preference as written: a decimal, or a negative one, kept even when outside 0..65535
// so that the rule can report it (clamped to the int64 range for absurdly long numbers). A
// plus sign and "-0" are no numbers to BIND and Knot.
std::optional<std::int64_t> read_preference(std::string_view text) {
  const bool negative = text.starts_with('-');
  if (negative) text.remove_prefix(1);
  if (text.empty()) return std::nullopt;
  std::int64_t value = 0;
  constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    const int digit = c - '0';
    value = value > (kMax - digit) / 10 ? kMax : value * 10 + digit;
  }
  if (negative && value == 0) return std::nullopt;
  return negative ? -value : value;
}

template <typename T>
bool take(std::variant<T, RdataError>&& result, T& out, RdataError& error) {
  if (auto* e = std::get_if<RdataError>(&result)) {
    error = std::move(*e);
    return false;
  }
  out = std::move(std::get<T>(result));
  return true;
}

}  // namespace

bool is_opaque_to_ldns(RRType type) {
  switch (type) {
    case 30:     // NXT, obsolete (RFC 3755) but still loaded by BIND
    case 32:     // NIMLOC
    case 34:     // ATMA
    case 38:     // A6
    case 40:     // SINK
    case 56:     // NINFO
    case 57:     // RKEY
    case 66:     // DSYNC
    case 67:     // HHIT
    case 68:     // BRID
    case 258:    // AVC
    case 259:    // DOA
    case 260:    // AMTRELAY
    case 261:    // RESINFO
    case 262:    // WALLET
    case 32768:  // TA
      return true;
    default:
      return false;
  }
}

bool has_native_parser(RRType type) {
  switch (type) {
    case rrtype::A:
    case rrtype::AAAA:
    case rrtype::NS:
    case rrtype::CNAME:
    case rrtype::PTR:
    case rrtype::DNAME:
    case rrtype::MX:
    case rrtype::SRV:
    case rrtype::SOA:
    case rrtype::TXT:
      return true;
    default:
      return false;
  }
}

struct RdataParser::Ldns {
  std::string origin_text;
  ldns_rdf* origin = nullptr;
  ~Ldns() {
    if (origin != nullptr) ldns_rdf_deep_free(origin);
  }
  ldns_rdf* origin_for(std::string_view canonical) {
    if (canonical.empty()) return nullptr;
    if (origin == nullptr || origin_text != canonical) {
      if (origin != nullptr) ldns_rdf_deep_free(origin);
      origin_text.assign(canonical);
      origin = ldns_dname_new_frm_str(origin_text.c_str());
    }
    return origin;
  }
};

RdataParser::RdataParser() : ldns_(std::make_unique<Ldns>()) {}

NameId RdataParser::origin_id(std::string_view origin, NameTable& names) {
  // Every relative name of a file appends the same origin: intern it once per origin, not
  // once per record (the id is checked against the table in case the parser changed tables).
  if (origin_id_ == kNoName || origin_id_ >= names.size() || names.str(origin_id_) != origin) {
    origin_id_ = names.intern(origin);
  }
  return origin_id_;
}

std::variant<TargetName, RdataError> RdataParser::read_target(const Token& token, std::size_t index,
                                                              std::string_view what,
                                                              std::string_view origin,
                                                              NameTable& names) {
  if (auto error = parse_name(token.text, origin, name_buffer_)) {
    const bool missing_origin = origin.empty() && !is_written_absolute(token.text);
    return RdataError{
        index, fmt::format("bad {} '{}': {}", what, printable_excerpt(token.text), error->reason),
        missing_origin};
  }
  TargetName target;
  target.name = names.intern(name_buffer_);
  if (!is_written_absolute(token.text) && token.text != "@") {
    target.relative_to = origin_id(origin, names);
  }
  return target;
}
RdataParser::~RdataParser() = default;

std::variant<Rdata, RdataError> RdataParser::parse(RRType type, std::span<const Token> tokens,
                                                   std::string_view origin, NameTable& names) {
  const bool generic = !tokens.empty() && tokens[0].raw == "\\#";
  if (!generic) {
    if (auto problem = check_presentation(type, tokens)) return *std::move(problem);
  }
  if (is_opaque_to_ldns(type) && !generic) return parse_opaque(type, tokens);
  auto parsed = has_native_parser(type) && !generic ? parse_native(type, tokens, origin, names)
                                                    : parse_with_ldns(type, tokens, origin, names);
  // RFC 1035 §3.2.1: RDLENGTH is 16 bits. Servers refuse the zone ("ran out of space").
  if (const auto* rdata = std::get_if<Rdata>(&parsed)) {
    std::size_t octets = 0;
    if (const auto* txt = std::get_if<TxtData>(rdata)) octets = txt->wire.view().size();
    if (const auto* wire = std::get_if<GenericData>(rdata)) octets = wire->wire.view().size();
    if (octets > 0xffff) {
      return RdataError{0, fmt::format("the record data is {} octets, more than the 65535 a "
                                       "record can hold (RFC 1035 §3.2.1); servers refuse the zone",
                                       octets)};
    }
  }
  return parsed;
}

std::variant<Rdata, RdataError> RdataParser::parse_native(RRType type,
                                                          std::span<const Token> tokens,
                                                          std::string_view origin,
                                                          NameTable& names) {
  const Fields fields{tokens, type};
  RdataError error;
  switch (type) {
    case rrtype::A: {
      if (auto e = fields.expect(1, "an IPv4 address")) return *e;
      auto address = parse_ipv4(tokens[0].text);
      if (!address)
        return RdataError{0,
                          fmt::format("bad IPv4 address '{}'", printable_excerpt(tokens[0].text))};
      return AData{*address};
    }
    case rrtype::AAAA: {
      if (auto e = fields.expect(1, "an IPv6 address")) return *e;
      auto address = parse_ipv6(tokens[0].text);
      if (!address)
        return RdataError{0,
                          fmt::format("bad IPv6 address '{}'", printable_excerpt(tokens[0].text))};
      return AaaaData{*address};
    }
    case rrtype::NS:
    case rrtype::CNAME:
    case rrtype::PTR:
    case rrtype::DNAME: {
      if (auto e = fields.expect(1, "a target name")) return *e;
      NameData data;
      if (!take(read_target(tokens[0], 0, "target", origin, names), data.target, error))
        return error;
      return data;
    }
    case rrtype::MX: {
      if (auto e = fields.expect(2, "a preference and an exchange")) return *e;
      MxData data;
      auto preference = read_preference(tokens[0].text);
      if (!preference) {
        return RdataError{0,
                          fmt::format("bad MX preference '{}'", printable_excerpt(tokens[0].text))};
      }
      data.set_preference(*preference);
      if (!take(read_target(tokens[1], 1, "exchange", origin, names), data.exchange, error)) {
        return error;
      }
      return data;
    }
    case rrtype::SRV: {
      if (auto e = fields.expect(4, "priority, weight, port and target")) return *e;
      SrvData data;
      if (!take(read_u16(tokens[0], 0, "SRV priority"), data.priority, error) ||
          !take(read_u16(tokens[1], 1, "SRV weight"), data.weight, error) ||
          !take(read_u16(tokens[2], 2, "SRV port"), data.port, error) ||
          !take(read_target(tokens[3], 3, "SRV target", origin, names), data.target, error)) {
        return error;
      }
      return data;
    }
    case rrtype::SOA: {
      if (auto e = fields.expect(7, "mname, rname, serial, refresh, retry, expire and minimum")) {
        return *e;
      }
      SoaData data;
      if (!take(read_target(tokens[0], 0, "SOA mname", origin, names), data.mname, error) ||
          !take(read_target(tokens[1], 1, "SOA rname", origin, names), data.rname, error)) {
        return error;
      }
      auto serial = parse_u32(tokens[2].text);
      if (!serial)
        return RdataError{2, fmt::format("bad SOA serial '{}'", printable_excerpt(tokens[2].text))};
      data.serial = *serial;
      constexpr std::string_view kTimers[] = {"refresh", "retry", "expire", "minimum"};
      std::uint32_t* const values[] = {&data.refresh, &data.retry, &data.expire, &data.minimum};
      for (std::size_t i = 0; i < 4; ++i) {
        const TtlValue value = parse_ttl(tokens[3 + i].text);
        if (value.status != TtlStatus::ok) {
          return RdataError{3 + i, fmt::format("bad SOA {} '{}'", kTimers[i],
                                               printable_excerpt(tokens[3 + i].text))};
        }
        *values[i] = value.seconds;
      }
      return Boxed<SoaData>(data);
    }
    case rrtype::TXT: {
      if (tokens.empty()) return RdataError{0, "TXT rdata needs at least one character-string"};
      std::string wire;
      std::string decoded;
      for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (!decode_escapes(tokens[i].text, decoded)) {
          return RdataError{i,
                            fmt::format("bad escape in '{}'", printable_excerpt(tokens[i].text))};
        }
        // RFC 1035 §3.3: a <character-string> is at most 255 octets.
        if (decoded.size() > 255) {
          return RdataError{
              i, fmt::format("character-string of {} octets is longer than 255", decoded.size()),
              false, rule_id::txt_string_too_long};
        }
        wire.push_back(static_cast<char>(decoded.size()));
        wire += decoded;
      }
      return TxtData{HeapBytes(wire)};
    }
    default:
      return RdataError{0, "no native parser"};
  }
}

std::variant<Rdata, RdataError> RdataParser::parse_opaque(RRType type,
                                                          std::span<const Token> tokens) {
  if (tokens.empty()) return RdataError{0, fmt::format("{} record has no rdata", type_name(type))};
  // Kept as written, one space between fields, so that duplicate-record can compare them.
  std::string text;
  for (const Token& token : tokens) {
    if (!text.empty() && !token.glued) text += ' ';
    text += token.raw;
  }
  return Rdata{GenericData{HeapBytes(text)}};
}

std::variant<Rdata, RdataError> RdataParser::parse_with_ldns(RRType type,
                                                             std::span<const Token> tokens,
                                                             std::string_view origin,
                                                             NameTable& names) {
  std::string text = ". 0 IN " + type_name(type);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (!tokens[i].glued) text += ' ';
    text += tokens[i].raw;
    // RFC 5155 §3.3 writes the next hashed owner as unpadded base32hex; ldns only decodes it
    // when padded to a whole number of 8-digit groups.
    if (type == rrtype::NSEC3 && i == 4) text.append((8 - tokens[i].raw.size() % 8) % 8, '=');
  }
  ldns_rr* rr = nullptr;
  const ldns_status status =
      ldns_rr_new_frm_str(&rr, text.c_str(), 0, ldns_->origin_for(origin), nullptr);
  if (status != LDNS_STATUS_OK) {
    if (rr != nullptr) ldns_rr_free(rr);
    std::string raw;
    for (const Token& token : tokens) {
      if (!raw.empty() && !token.glued) raw += ' ';
      raw += token.raw;
    }
    return RdataError{0, fmt::format("bad {} rdata '{}': {}", type_name(type),
                                     printable_excerpt(raw), ldns_get_errorstr_by_id(status))};
  }
  if (type == rrtype::NSEC3 && tokens.size() > 4 && ldns_rr_rd_count(rr) > 4) {
    // ldns decodes padded base32hex of a length that is not a multiple of five octets wrongly
    // (BIND's good-nsec3-nopadhash.db); the field is the hash's length and octets.
    if (const auto hash = decode_unpadded_base32hex(tokens[4].raw); hash && hash->size() < 256) {
      const std::string field = static_cast<char>(hash->size()) + *hash;
      ldns_rdf* next_owner =
          ldns_rdf_new_frm_data(LDNS_RDF_TYPE_NSEC3_NEXT_OWNER, field.size(), field.data());
      ldns_rdf_deep_free(ldns_rr_set_rdf(rr, next_owner, 4));
    }
  }
  std::variant<Rdata, RdataError> result = RdataError{0, "rdata could not be encoded"};
  if (has_native_parser(type)) {
    // RFC 3597 form of a type we read natively: let ldns decode it, then read its
    // presentation form so that the rules see typed rdata.
    std::string rdata_text;
    for (std::size_t i = 0; i < ldns_rr_rd_count(rr); ++i) {
      char* field = ldns_rdf2str(ldns_rr_rdf(rr, i));
      if (field != nullptr) {
        if (i > 0) rdata_text += ' ';
        rdata_text += field;
        std::free(field);  // allocated by ldns with malloc
      }
    }
    Entry entry;
    std::vector<ScanError> scan_errors;
    ZoneScanner scanner(rdata_text);
    if (scanner.next(entry, scan_errors) && scan_errors.empty()) {
      for (Token& token : entry.tokens) {
        token.line = tokens[0].line;
        token.column = tokens[0].column;
      }
      result = parse_native(type, entry.tokens, ".", names);
      if (auto* error = std::get_if<RdataError>(&result)) error->token = 0;
    }
  } else {
    // Names inside rdata compare case-insensitively (RFC 4343), so the wire form that decides
    // whether two records are the same holds them in lowercase.
    for (std::size_t i = 0; i < ldns_rr_rd_count(rr); ++i) {
      ldns_rdf* field = ldns_rr_rdf(rr, i);
      if (ldns_rdf_get_type(field) == LDNS_RDF_TYPE_DNAME) ldns_dname2canonical(field);
    }
    ldns_buffer* buffer = ldns_buffer_new(256);
    if (ldns_rr_rdata2buffer_wire(buffer, rr) == LDNS_STATUS_OK) {
      result = Rdata{GenericData{
          HeapBytes(std::string_view(reinterpret_cast<const char*>(ldns_buffer_begin(buffer)),
                                     ldns_buffer_position(buffer)))}};
    }
    ldns_buffer_free(buffer);
  }
  ldns_rr_free(rr);
  return result;
}

}  // namespace dnslint
