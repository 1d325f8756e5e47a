// DNS messages on the wire, through ldns: the queries the live checks send, the responses they
// read, and records in the presentation form that reports and recordings show.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "live/network.hpp"

// ldns's record, declared here: ldns.h defines `true` and `false` as macros, which breaks C++
// headers included after it, so only the .cpp files include it, last.
struct ldns_struct_rr;
using ldns_rr = ldns_struct_rr;

namespace dnslint::live {

// A query for `question` with message id `id`, in wire form: RD set for the resolver only,
// EDNS(0) with a 1232-octet UDP payload (the size the DNS flag day 2020 settled on).
std::string make_query(const Question& question, std::uint16_t id);

// A record as served, from ldns's form.
ServedRecord served_record(const ldns_rr* rr);

// The character-strings of a served TXT record joined with nothing between them (RFC 7208
// §3.3), from its wire form.
std::string joined_txt(const ServedRecord& record);

// Reads a response. nullopt when it is no DNS message.
std::optional<Answer> read_response(std::span<const unsigned char> wire);

// A record from its presentation form ("www.example.com. 300 IN A 192.0.2.1"), or the
// reason it is none.
struct ParsedRecord {
  std::optional<ServedRecord> record;
  std::string error;
};
ParsedRecord record_from_text(std::string_view text);

}  // namespace dnslint::live
