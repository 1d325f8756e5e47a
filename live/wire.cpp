#include "live/wire.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <memory>

#include "model/ascii.hpp"

// Last: ldns defines `true` and `false` as macros.
#include <ldns/ldns.h>

namespace dnslint::live {
namespace {

struct LdnsFree {
  void operator()(ldns_pkt* packet) const { ldns_pkt_free(packet); }
  void operator()(ldns_rr* rr) const { ldns_rr_free(rr); }
  void operator()(ldns_rdf* rdf) const { ldns_rdf_deep_free(rdf); }
  void operator()(ldns_buffer* buffer) const { ldns_buffer_free(buffer); }
};
using PacketPointer = std::unique_ptr<ldns_pkt, LdnsFree>;
using RrPointer = std::unique_ptr<ldns_rr, LdnsFree>;

std::string owned_text(char* text) {
  if (text == nullptr) return {};
  std::string out(text);
  free(text);  // NOLINT: ldns allocates with malloc
  return out;
}

// The owner as absolute lower-case presentation text.
std::string owner_text(const ldns_rr* rr) {
  std::string owner = owned_text(ldns_rdf2str(ldns_rr_owner(rr)));
  return to_ascii_lower(owner);
}

}  // namespace

ServedRecord served_record(const ldns_rr* given) {
  RrPointer rr(ldns_rr_clone(given));
  ServedRecord out;
  out.owner = owner_text(rr.get());
  out.type = static_cast<std::uint16_t>(ldns_rr_get_type(rr.get()));
  out.ttl = ldns_rr_ttl(rr.get());
  for (std::size_t i = 0; i < ldns_rr_rd_count(rr.get()); ++i) {
    if (i > 0) out.data += ' ';
    out.data += owned_text(ldns_rdf2str(ldns_rr_rdf(rr.get(), i)));
  }
  std::string text = owned_text(ldns_rr2str(rr.get()));
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  std::replace(text.begin(), text.end(), '\t', ' ');
  out.text = std::move(text);
  // RFC 4034 §6.2: the names in the rdata of the types it lists compare in lower case.
  ldns_rr2canonical(rr.get());
  for (std::size_t i = 0; i < ldns_rr_rd_count(rr.get()); ++i) {
    const ldns_rdf* field = ldns_rr_rdf(rr.get(), i);
    out.canonical.append(reinterpret_cast<const char*>(ldns_rdf_data(field)), ldns_rdf_size(field));
  }
  return out;
}

namespace {

void add_section(const ldns_rr_list* list, std::vector<ServedRecord>& out) {
  if (list == nullptr) return;
  for (std::size_t i = 0; i < ldns_rr_list_rr_count(list); ++i)
    out.push_back(served_record(ldns_rr_list_rr(list, i)));
}

}  // namespace

std::string joined_txt(const ServedRecord& record) {
  std::string out;
  std::string_view rest = record.canonical;
  while (!rest.empty()) {
    const std::size_t size =
        std::min<std::size_t>(static_cast<unsigned char>(rest[0]), rest.size() - 1);
    out += rest.substr(1, size);
    rest.remove_prefix(1 + size);
  }
  return out;
}

std::string make_query(const Question& question, std::uint16_t id) {
  const std::uint16_t flags = question.asked == Asked::resolver ? LDNS_RD : 0;
  ldns_pkt* raw = nullptr;
  if (ldns_pkt_query_new_frm_str(&raw, question.name.c_str(),
                                 static_cast<ldns_rr_type>(question.type), LDNS_RR_CLASS_IN,
                                 flags) != LDNS_STATUS_OK) {
    return {};
  }
  PacketPointer packet(raw);
  ldns_pkt_set_id(packet.get(), id);
  ldns_pkt_set_edns_udp_size(packet.get(), 1232);
  std::unique_ptr<ldns_buffer, LdnsFree> buffer(ldns_buffer_new(512));
  if (ldns_pkt2buffer_wire(buffer.get(), packet.get()) != LDNS_STATUS_OK) return {};
  return std::string(reinterpret_cast<const char*>(ldns_buffer_begin(buffer.get())),
                     ldns_buffer_position(buffer.get()));
}

std::optional<Answer> read_response(std::span<const unsigned char> wire) {
  ldns_pkt* raw = nullptr;
  if (ldns_wire2pkt(&raw, wire.data(), wire.size()) != LDNS_STATUS_OK) return std::nullopt;
  PacketPointer packet(raw);
  Answer answer;
  answer.rcode = static_cast<std::uint8_t>(ldns_pkt_get_rcode(packet.get()));
  answer.authoritative = ldns_pkt_aa(packet.get());
  add_section(ldns_pkt_answer(packet.get()), answer.answer);
  add_section(ldns_pkt_authority(packet.get()), answer.authority);
  return answer;
}

ParsedRecord record_from_text(std::string_view text) {
  const std::string line(text);
  ldns_rr* raw = nullptr;
  const ldns_status status = ldns_rr_new_frm_str(&raw, line.c_str(), 0, nullptr, nullptr);
  if (status != LDNS_STATUS_OK) return {std::nullopt, ldns_get_errorstr_by_id(status)};
  RrPointer rr(raw);
  return {served_record(rr.get()), {}};
}

}  // namespace dnslint::live
