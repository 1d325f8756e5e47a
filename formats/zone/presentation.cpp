#include "formats/zone/presentation.hpp"

#include <fmt/format.h>
#include <ldns/ldns.h>

#include <cstdlib>

#include "formats/zone/rdata_parser.hpp"

namespace dnslint {
namespace {

// Wire-form rdata of `type` as ldns writes it; empty where ldns cannot.
std::string from_wire(RRType type, std::string_view wire) {
  ldns_rr* rr = ldns_rr_new_frm_type(static_cast<ldns_rr_type>(type));
  if (rr == nullptr) return {};
  // ldns_rr_new_frm_type makes empty fields; the wire form brings the real ones.
  while (ldns_rr_rd_count(rr) > 0) ldns_rdf_deep_free(ldns_rr_pop_rdf(rr));
  std::string with_length;
  with_length += static_cast<char>(wire.size() >> 8 & 0xff);
  with_length += static_cast<char>(wire.size() & 0xff);
  with_length += wire;
  std::size_t position = 0;
  std::string out;
  if (ldns_wire2rdf(rr, reinterpret_cast<const std::uint8_t*>(with_length.data()),
                    with_length.size(), &position) == LDNS_STATUS_OK) {
    for (std::size_t i = 0; i < ldns_rr_rd_count(rr); ++i) {
      char* field = ldns_rdf2str(ldns_rr_rdf(rr, i));
      if (field == nullptr) {
        out.clear();
        break;
      }
      std::string_view text = field;
      // ldns writes some fields with spaces around them, and NSEC3's next hashed owner padded; RFC
      // 5155 §3.3 writes it unpadded.
      while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
      while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
      if (type == rrtype::NSEC3 && i == 4) {
        while (!text.empty() && text.back() == '=') text.remove_suffix(1);
      }
      if (!out.empty()) out += ' ';
      out += text;
      std::free(field);
    }
    // A CAA value may be empty (RFC 8659 §4.1.1); ldns then writes no field for it.
    if (type == rrtype::CAA && ldns_rr_rd_count(rr) == 2) out += " \"\"";
  }
  ldns_rr_free(rr);
  return out;
}

}  // namespace

std::string rdata_presentation(const NameTable& names, const Record& record) {
  if (const auto* generic = std::get_if<GenericData>(&record.rdata)) {
    // Types ldns does not know are kept as written; the others in wire form, which ldns writes.
    if (is_opaque_to_ldns(record.type)) return std::string(generic->wire.view());
    std::string text = from_wire(record.type, generic->wire.view());
    if (!text.empty()) return text;
  }
  return presentation_text(names, record);
}

}  // namespace dnslint
