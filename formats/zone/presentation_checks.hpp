// The rules of presentation formats that name servers enforce when they load a zone and that
// the generic rdata conversion does not check: BIND, Knot or NSD refuse a zone that breaks
// one of them, so the reader reports it as the record's syntax error.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "formats/zone/rdata_parser.hpp"
#include "formats/zone/zone_scanner.hpp"
#include "model/rrtype.hpp"

namespace dnslint {

// The octets that unpadded base32hex `text` decodes to (RFC 4648 §7), or nullopt when it is
// not unpadded base32hex: a digit outside 0-9A-V, or a length that leaves bits of no octet.
std::optional<std::string> decode_unpadded_base32hex(std::string_view text);

// The first problem with the rdata `tokens` of a `type` record, or nullopt.
std::optional<RdataError> check_presentation(RRType type, std::span<const Token> tokens);

// The problem with `label`, the first label of an NSEC3 owner, or nullopt (RFC 5155 §3: the
// owner is the hashed name as a single label of unpadded base32hex).
std::optional<std::string> check_nsec3_owner_label(std::string_view label);

// True for types retired before the DNS was widely deployed that servers refuse to load
// (RFC 973 replaced MD and MF by MX).
bool is_refused_obsolete_type(RRType type);

}  // namespace dnslint
