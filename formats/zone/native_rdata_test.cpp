// The native rdata parser (the fast path for A, AAAA, NS, CNAME, PTR, DNAME, MX, SRV, SOA and
// TXT) against ldns as the oracle: every such record of the shared corpus, of the peers' test
// zones, of our fixtures and examples, and of a generated zone must have the same owner, type
// and wire-format rdata as ldns reads from the same file. (TTLs are not compared: without
// $TTL the reader follows BIND's defaults, which ldns does not; the parity tests against
// named-checkzone cover them.)
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <random>

#include "formats/zone/rdata_parser.hpp"
#include "formats/zone/zone_reader.hpp"
#include "formats/zone/zone_testing.hpp"

// Last: ldns's headers define macros that the standard headers must not see.
#include <ldns/ldns.h>

namespace dnslint {
namespace {

namespace fs = std::filesystem;

void put16(std::string& out, std::uint32_t value) {
  out.push_back(static_cast<char>(value >> 8));
  out.push_back(static_cast<char>(value));
}

void put32(std::string& out, std::uint32_t value) {
  put16(out, value >> 16);
  put16(out, value & 0xffff);
}

// Wire form (RFC 1035 §3.1) of a canonical presentation-format name.
std::string name_wire(std::string_view name) {
  std::string out;
  std::string label;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    if (c == '.') {
      if (label.empty()) break;  // the root
      out.push_back(static_cast<char>(label.size()));
      out += label;
      label.clear();
    } else if (c == '\\' && i + 3 < name.size() &&
               std::isdigit(static_cast<unsigned char>(name[i + 1]))) {
      label.push_back(static_cast<char>((name[i + 1] - '0') * 100 + (name[i + 2] - '0') * 10 +
                                        (name[i + 3] - '0')));
      i += 3;
    } else if (c == '\\' && i + 1 < name.size()) {
      label.push_back(name[++i]);
    } else {
      label.push_back(c);
    }
  }
  out.push_back('\0');
  return out;
}

// Our typed rdata in wire form; nullopt for the types the native parser does not read.
std::optional<std::string> native_wire(const Record& record, const NameTable& names) {
  std::string out;
  auto name = [&](const TargetName& target) { out += name_wire(names.str(target.name)); };
  if (const auto* a = std::get_if<AData>(&record.rdata)) {
    put32(out, a->address);
  } else if (const auto* aaaa = std::get_if<AaaaData>(&record.rdata)) {
    out.append(reinterpret_cast<const char*>(aaaa->address.data()), 16);
  } else if (const auto* target = std::get_if<NameData>(&record.rdata)) {
    name(target->target);
  } else if (const auto* mx = std::get_if<MxData>(&record.rdata)) {
    put16(out, static_cast<std::uint32_t>(mx->preference()));
    name(mx->exchange);
  } else if (const auto* srv = std::get_if<SrvData>(&record.rdata)) {
    put16(out, srv->priority);
    put16(out, srv->weight);
    put16(out, srv->port);
    name(srv->target);
  } else if (const SoaData* soa = soa_of(record)) {
    name(soa->mname);
    name(soa->rname);
    for (std::uint32_t value : {soa->serial, soa->refresh, soa->retry, soa->expire, soa->minimum})
      put32(out, value);
  } else if (const auto* txt = std::get_if<TxtData>(&record.rdata)) {
    out = txt->wire.view();
  } else {
    return std::nullopt;
  }
  return out;
}

std::string ldns_rdata_wire(ldns_rr* rr) {
  for (std::size_t i = 0; i < ldns_rr_rd_count(rr); ++i) {
    ldns_rdf* field = ldns_rr_rdf(rr, i);
    if (ldns_rdf_get_type(field) == LDNS_RDF_TYPE_DNAME) ldns_dname2canonical(field);
  }
  ldns_buffer* buffer = ldns_buffer_new(256);
  std::string wire;
  if (ldns_rr_rdata2buffer_wire(buffer, rr) == LDNS_STATUS_OK) {
    wire.assign(reinterpret_cast<const char*>(ldns_buffer_begin(buffer)),
                ldns_buffer_position(buffer));
  }
  ldns_buffer_free(buffer);
  return wire;
}

std::string ldns_owner_wire(ldns_rr* rr) {
  ldns_rdf* owner = ldns_rdf_clone(ldns_rr_owner(rr));
  ldns_dname2canonical(owner);
  std::string wire(reinterpret_cast<const char*>(ldns_rdf_data(owner)), ldns_rdf_size(owner));
  ldns_rdf_deep_free(owner);
  return wire;
}

struct Tally {
  std::size_t compared = 0;
  std::size_t files_compared = 0;
  std::size_t files_skipped = 0;
  std::vector<std::string> mismatches;
};

// Compares one zone text record by record; files that ldns or we cannot read completely, or
// that hold directives ldns reads differently ($GENERATE, $INCLUDE), are skipped.
void compare_zone(const std::string& label, const std::string& text, Tally& tally) {
  if (text.find("$GENERATE") != std::string::npos || text.find("$INCLUDE") != std::string::npos) {
    ++tally.files_skipped;
    return;
  }
  ZoneReadOptions options;
  options.display_path = label;
  if (auto origin = origin_from_file_name(label)) options.origin = *origin;
  if (options.origin.empty()) options.origin = "example.";
  const ZoneReadResult ours = read_zone(text, options);
  if (!ours.findings.empty()) {
    ++tally.files_skipped;
    return;
  }
  // ldns reads the same text record by record; every record it returns is ours to free.
  std::vector<ldns_rr*> theirs;
  struct Freer {
    std::vector<ldns_rr*>& rrs;
    ~Freer() {
      for (ldns_rr* rr : rrs) ldns_rr_free(rr);
    }
  } freer{theirs};
  std::FILE* file = fmemopen(const_cast<char*>(text.data()), text.size(), "r");
  ldns_rdf* origin = ldns_dname_new_frm_str(options.origin.c_str());
  ldns_rdf* previous = nullptr;
  std::uint32_t default_ttl = 3600;
  int line = 0;
  bool complete = true;
  while (!std::feof(file)) {
    ldns_rr* rr = nullptr;
    const ldns_status status =
        ldns_rr_new_frm_fp_l(&rr, file, &default_ttl, &origin, &previous, &line);
    if (status == LDNS_STATUS_OK) {
      theirs.push_back(rr);
      continue;
    }
    if (rr != nullptr) ldns_rr_free(rr);
    // Directives and blank lines come back as these; anything else is an error.
    if (status != LDNS_STATUS_SYNTAX_EMPTY && status != LDNS_STATUS_SYNTAX_TTL &&
        status != LDNS_STATUS_SYNTAX_ORIGIN) {
      complete = false;
      break;
    }
  }
  std::fclose(file);
  if (origin != nullptr) ldns_rdf_deep_free(origin);
  if (previous != nullptr) ldns_rdf_deep_free(previous);
  if (!complete || theirs.size() != ours.zone.records.size()) {
    ++tally.files_skipped;
    return;
  }
  ++tally.files_compared;
  for (std::size_t i = 0; i < theirs.size(); ++i) {
    const Record& record = ours.zone.records[i];
    ldns_rr* rr = theirs[i];
    if (!has_native_parser(record.type)) continue;
    const auto wire = native_wire(record, ours.names);
    const std::string where = fmt::format("{}:{}", label, record.location.get().line);
    if (ldns_rr_get_type(rr) != record.type) {
      tally.mismatches.push_back(where + ": type differs");
    } else if (ldns_owner_wire(rr) != name_wire(ours.names.str(record.owner))) {
      tally.mismatches.push_back(where + ": owner differs");
    } else if (!wire || *wire != ldns_rdata_wire(rr)) {
      tally.mismatches.push_back(where + ": rdata differs");
    } else {
      ++tally.compared;
    }
  }
}

// A zone exercising what the native parser must get right: relative and absolute names,
// escapes, '@', TTL units, quoted and unquoted TXT with escapes, parentheses, every type.
std::string generated_zone(std::size_t hosts) {
  std::mt19937 random(20240601);
  std::string text =
      "$ORIGIN gen.example.\n$TTL 1h\n@ IN SOA ns1 host\\.master ( 2024060101 2h\n"
      "  1H 2w 300 )\n@ NS ns1\n@ NS ns2.other.example.\n";
  for (std::size_t i = 0; i < hosts; ++i) {
    const auto octet = [&] { return random() % 256; };
    const std::string host = fmt::format("h{}", i);
    text += fmt::format("{} {} A {}.{}.{}.{}\n", host, random() % 2 ? "IN" : "300", octet(),
                        octet(), octet(), octet());
    switch (random() % 8) {
      case 0:
        text += fmt::format("{} AAAA 2001:db8:{:x}::{:x}\n", host, random() % 65536, i);
        break;
      case 1:
        text +=
            fmt::format("www.{} CNAME {}\n", host, random() % 2 ? host : host + ".gen.example.");
        break;
      case 2:
        text += fmt::format("{} MX {} mail.{}\n{} MX 20 @\n", host, random() % 100, host, host);
        break;
      case 3:
        text += fmt::format("_sip._tcp.{} SRV {} {} {} {}\n", host, random() % 100, random() % 100,
                            random() % 65536, host);
        break;
      case 4:
        text += fmt::format("{} TXT \"v=spf1 -all\" \"a\\\"b\\059c\" plain\\ word\n", host);
        break;
      case 5:
        text += fmt::format("{}.in-addr PTR {}.GEN.Example.\n", i, host);
        break;
      case 6:
        text += fmt::format("sub{} 1d NS ns\\.odd.{}\n", i, host);
        break;
      default:
        text += fmt::format("d{} DNAME {}.other.example.\n", i, host);
        break;
    }
  }
  return text;
}

void compare_tree(const fs::path& root, Tally& tally) {
  for (const fs::path& path : testing::zone_files_under(root, 8 * 1024 * 1024)) {
    compare_zone(path.filename().string(), testing::read_text(path), tally);
  }
}

void report(const Tally& tally) {
  for (std::size_t i = 0; i < tally.mismatches.size() && i < 20; ++i) {
    MESSAGE(tally.mismatches[i]);
  }
  CHECK(tally.mismatches.empty());
}

}  // namespace

TEST_CASE("the native rdata parser agrees with ldns on a generated zone") {
  Tally tally;
  compare_zone("gen.example.zone", generated_zone(5000), tally);
  report(tally);
  CHECK(tally.files_compared == 1);
  CHECK(tally.compared > 10000);
}

TEST_CASE("the native rdata parser agrees with ldns on every zone of the corpora") {
  Tally tally;
  const fs::path source = DNSLINT_SOURCE_DIR;
  compare_tree(source / "examples", tally);
  compare_tree(source / "tests" / "rules", tally);
  const fs::path shared = source.parent_path() / "shared";
  if (!fs::is_directory(shared)) {
    MESSAGE("skipping the shared corpora: " << shared.string() << " is absent");
  } else {
    compare_tree(shared / "corpus" / "bind", tally);
    compare_tree(shared / "peer-corpus", tally);
  }
  MESSAGE(tally.compared << " records in " << tally.files_compared << " files compared, "
                         << tally.files_skipped << " files skipped");
  report(tally);
  CHECK(tally.compared > 100);
}

}  // namespace dnslint
