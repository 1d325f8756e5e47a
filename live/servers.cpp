// The authoritative servers of each loaded zone against the source: server-unreachable,
// server-serial-behind, server-rrset-differs, server-ttl-differs, server-axfr-open and
// server-record-extra. Each zone's servers are its apex NS set (the source's, else the one the
// resolver finds), resolved, or the --server list; every RRset of the source is asked of every
// server that answers for the zone, and the answers compared with the source's data.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "live/checks.hpp"
#include "model/rrtype.hpp"

namespace dnslint::live {
namespace {

struct Server {
  std::string label;  // "ns1.example.net. (192.0.2.1:53)"
  Endpoint endpoint;
  const Record* ns_record = nullptr;  // the source's NS record that names it, if any
  bool answering = true;              // answered the SOA question authoritatively
};

struct ZoneServers {
  const Zone* zone = nullptr;
  const Record* anchor = nullptr;
  std::vector<Server> servers;
};

// "A and B", "A, B and C".
std::string join_names(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
    out += names[i];
  }
  return out;
}

// Up to five values, then how many more.
std::string list_values(const std::vector<std::string>& values) {
  constexpr std::size_t kShown = 5;
  std::vector<std::string> shown(
      values.begin(),
      values.begin() + static_cast<std::ptrdiff_t>(std::min(values.size(), kShown)));
  std::string out = join_names(shown);
  if (values.size() > kShown) out += fmt::format(" and {} more", values.size() - kShown);
  return out;
}

std::string_view serve(std::size_t servers) { return servers == 1 ? "serves" : "serve"; }

// `unconfirmed`: the run cannot tell (the resolver failed), so a note.
void report_at(LiveRun& run, std::string_view rule, const Zone& zone, const Record& record,
               const std::string& message, bool unconfirmed = false) {
  Reporter* reporter = run.reporter(rule);
  if (reporter == nullptr) return;
  if (unconfirmed) {
    reporter->report_unconfirmed(zone, record, message);
  } else {
    reporter->report(zone, record, message);
  }
}

// RFC 1982 §3.2: whether serial `a` is less than `b`; nullopt when the two cannot be compared
// (they lie exactly 2^31 apart).
std::optional<bool> serial_less(std::uint32_t a, std::uint32_t b) {
  if (a == b) return false;
  const std::uint32_t forward = b - a;
  if (forward == 0x80000000u) return std::nullopt;
  return forward < 0x80000000u;
}

class ServerCheck {
 public:
  explicit ServerCheck(LiveRun& run) : run_(run) {}

  void run() {
    find_servers();
    ask_soa();
    compare_rrsets();
    transfer_zones();
  }

 private:
  // The servers of every zone: --server, else the NS set, resolved.
  void find_servers() {
    std::vector<const Zone*> zones;
    for (const Zone& zone : run_.model.zones) {
      if (zone.origin_known && zone_anchor(zone) != nullptr) zones.push_back(&zone);
    }
    if (!run_.settings.servers.empty()) {
      for (const Zone* zone : zones) {
        ZoneServers entry{zone, zone_anchor(*zone), {}};
        for (const auto& [name, endpoint] : run_.settings.servers)
          entry.servers.push_back({fmt::format("{} ({})", name, endpoint.text()), endpoint});
        zones_.push_back(std::move(entry));
      }
      return;
    }
    run_.progress("finding the zones' name servers");
    // The NS set of each zone: the source's, else the live one.
    std::vector<std::vector<std::pair<std::string, const Record*>>> hosts(zones.size());
    std::vector<Question> ns_questions;
    std::vector<std::size_t> asked_for;
    for (std::size_t i = 0; i < zones.size(); ++i) {
      const Zone& zone = *zones[i];
      for (std::uint32_t index : zone.rrset(zone.origin, rrtype::NS)) {
        const Record& record = zone.records[index];
        const TargetName* target = target_of(record);
        if (record.unknown_value() || target == nullptr) continue;
        hosts[i].emplace_back(std::string(run_.model.name(target->name)), &record);
      }
      if (hosts[i].empty()) {
        ns_questions.push_back(
            Question::to_resolver(std::string(run_.model.name(zone.origin)), rrtype::NS));
        asked_for.push_back(i);
      }
    }
    const auto ns_answers = run_.network.ask(ns_questions);
    for (std::size_t k = 0; k < ns_answers.size(); ++k) {
      const std::size_t i = asked_for[k];
      for (const ServedRecord& record : ns_answers[k].answer) {
        if (record.type == rrtype::NS && record.owner == ns_questions[k].name)
          hosts[i].emplace_back(record.data, nullptr);
      }
      if (hosts[i].empty()) {
        const Zone& zone = *zones[i];
        const Answer& answer = ns_answers[k];
        const bool failed = !answer.ok() && answer.rcode != 3;
        report_at(run_, "server-unreachable", zone, *zone_anchor(zone),
                  fmt::format("{} has no NS records in the source, and the resolver finds none "
                              "({}): no server to check",
                              run_.model.name(zone.origin),
                              answer.ok() ? "no NS record" : failure_text(answer)),
                  failed);
      }
    }
    // Every host's addresses, asked once.
    std::map<std::string, std::pair<Answer, Answer>> addresses;
    for (const auto& list : hosts)
      for (const auto& [host, record] : list) addresses.emplace(host, std::pair<Answer, Answer>{});
    std::vector<Question> questions;
    for (const auto& [host, answers] : addresses) {
      questions.push_back(Question::to_resolver(host, rrtype::A));
      questions.push_back(Question::to_resolver(host, rrtype::AAAA));
    }
    const auto answers = run_.network.ask(questions);
    std::size_t k = 0;
    for (auto& [host, pair] : addresses) {
      pair.first = answers[k++];
      pair.second = answers[k++];
    }
    for (std::size_t i = 0; i < zones.size(); ++i) {
      const Zone& zone = *zones[i];
      ZoneServers entry{&zone, zone_anchor(zone), {}};
      for (const auto& [host, record] : hosts[i]) {
        const auto& [a, aaaa] = addresses[host];
        std::vector<std::string> found;
        for (const Answer* answer : {&a, &aaaa}) {
          for (const ServedRecord& served : answer->answer)
            if (served.type == rrtype::A || served.type == rrtype::AAAA)
              found.push_back(served.data);
        }
        if (found.empty()) {
          const Record& where = record != nullptr ? *record : *entry.anchor;
          const bool failed = !a.ok() && a.rcode != 3;
          std::string why = failed         ? failure_text(a)
                            : a.rcode == 3 ? "NXDOMAIN"
                                           : "no A or AAAA record";
          report_at(run_, "server-unreachable", zone, where,
                    fmt::format("the name server {} of {} has no address ({})", host,
                                run_.model.name(zone.origin), why),
                    failed);
          continue;
        }
        for (const std::string& address : found) {
          auto endpoint = parse_endpoint(address);
          if (!endpoint) continue;
          entry.servers.push_back(
              {fmt::format("{} ({})", host, endpoint->text()), *endpoint, record});
        }
      }
      zones_.push_back(std::move(entry));
    }
  }

  const Record& where(const ZoneServers& entry, const Server& server) const {
    return server.ns_record != nullptr ? *server.ns_record : *entry.anchor;
  }

  // Reports a server that does not answer for its zone, once, and leaves it out from then on.
  void unreachable(const ZoneServers& entry, Server& server, const std::string& why) {
    if (!server.answering) return;
    server.answering = false;
    report_at(run_, "server-unreachable", *entry.zone, where(entry, server),
              fmt::format("{} does not answer for {}: {}", server.label,
                          run_.model.name(entry.zone->origin), why));
  }

  // The SOA of every zone from every server: who answers, and with which serial.
  void ask_soa() {
    std::vector<Question> questions;
    for (const ZoneServers& entry : zones_)
      for (const Server& server : entry.servers)
        questions.push_back({Asked::authoritative, server.endpoint,
                             std::string(run_.model.name(entry.zone->origin)), rrtype::SOA});
    run_.progress(fmt::format("asking {} server(s) for the SOA", questions.size()));
    const auto answers = run_.network.ask(questions);
    std::size_t k = 0;
    for (ZoneServers& entry : zones_) {
      std::vector<std::pair<Server*, std::uint32_t>> serials;
      for (Server& server : entry.servers) {
        const Answer& answer = answers[k];
        const std::string& origin = questions[k++].name;
        if (answer.outcome != Outcome::answered) {
          unreachable(entry, server, answer.error);
        } else if (answer.rcode != 0) {
          unreachable(entry, server, fmt::format("it answers {}", rcode_name(answer.rcode)));
        } else if (!answer.authoritative) {
          unreachable(entry, server,
                      "it answers without authority (a lame delegation, RFC 8499 §7)");
        } else {
          const auto soa = std::find_if(
              answer.answer.begin(), answer.answer.end(), [&](const ServedRecord& record) {
                return record.type == rrtype::SOA && record.owner == origin;
              });
          if (soa == answer.answer.end()) {
            unreachable(entry, server, "it serves no SOA record for it");
          } else if (auto serial = serial_of(*soa)) {
            serials.emplace_back(&server, *serial);
          }
        }
      }
      compare_serials(entry, serials);
    }
  }

  static std::optional<std::uint32_t> serial_of(const ServedRecord& soa) {
    // MNAME RNAME SERIAL ...
    std::size_t start = 0;
    for (int field = 0; field < 2; ++field) {
      start = soa.data.find(' ', start);
      if (start == std::string::npos) return std::nullopt;
      ++start;
    }
    return static_cast<std::uint32_t>(std::strtoul(soa.data.c_str() + start, nullptr, 10));
  }

  // RFC 1982 §3.2: each server's serial against the source's, or, when the source has no SOA
  // (a provider's zone), against the newest any server serves.
  void compare_serials(const ZoneServers& entry,
                       const std::vector<std::pair<Server*, std::uint32_t>>& serials) {
    if (serials.empty()) return;
    const Zone& zone = *entry.zone;
    const auto soa_set = zone.rrset(zone.origin, rrtype::SOA);
    const SoaData* source = soa_set.empty() ? nullptr : soa_of(zone.records[soa_set.front()]);
    std::uint32_t reference = 0;
    std::string whose;
    if (source != nullptr && !zone.records[soa_set.front()].unknown_value()) {
      reference = source->serial;
      whose = "the source's";
    } else {
      reference = serials.front().second;
      for (const auto& [server, serial] : serials)
        if (serial_less(reference, serial).value_or(false)) reference = serial;
      whose = "the newest served";
    }
    const Record& anchor = source != nullptr ? zone.records[soa_set.front()] : *entry.anchor;
    Reporter* reporter = run_.reporter("server-serial-behind");
    if (reporter == nullptr) return;
    for (const auto& [server, serial] : serials) {
      const auto less = serial_less(serial, reference);
      if (!less) {
        reporter->report(
            zone, anchor,
            fmt::format("{} serves serial {} of {}, which cannot be compared with "
                        "{} {} (they are 2^31 apart, RFC 1982 §3.2)",
                        server->label, serial, run_.model.name(zone.origin), whose, reference));
      } else if (*less) {
        reporter->report(zone, anchor,
                         fmt::format("{} serves serial {} of {}, {} behind {} {}: it has not "
                                     "loaded the latest version",
                                     server->label, serial, run_.model.name(zone.origin),
                                     reference - serial, whose, reference));
      } else if (serial != reference) {
        OpenFinding& finding = reporter->report(
            zone, anchor,
            fmt::format("{} serves serial {} of {}, {} ahead of the source's {}: the zone "
                        "changed outside these files, or the server sets serials itself",
                        server->label, serial, run_.model.name(zone.origin), serial - reference,
                        reference));
        reporter->make_milder(finding);
      }
    }
  }

  // One RRset of the source to ask about.
  struct RRsetQuery {
    ZoneServers* entry;
    std::vector<const Record*> records;
    std::vector<ServedRecord> expected;  // as served, in the records' order
    bool referral = false;               // NS at a zone cut: the answer is a referral
  };

  // The RRsets of the source that servers are asked about, or a note why one is not.
  void collect_rrsets(ZoneServers& entry, std::vector<RRsetQuery>& out) {
    const Zone& zone = *entry.zone;
    const NameTable& names = run_.model.names;
    for (const Zone::Node& node : zone.nodes()) {
      if (zone.delegation_above(names, node.owner) != kNoName) continue;  // glue, occluded
      const bool cut =
          node.owner != zone.origin && zone.delegation_at_or_above(names, node.owner) == node.owner;
      const auto indices = zone.records_of(node);
      for (std::size_t begin = 0; begin < indices.size();) {
        const RRType type = zone.records[indices[begin]].type;
        std::size_t end = begin;
        while (end < indices.size() && zone.records[indices[end]].type == type) ++end;
        RRsetQuery asked{&entry, {}, {}, cut && type == rrtype::NS};
        bool comparable = type != rrtype::SOA && type != rrtype::RRSIG && type != rrtype::NSEC &&
                          type != rrtype::NSEC3;
        // At a zone cut only the NS set and DS (served by this side, RFC 4035 §2.4) are ours.
        if (cut && type != rrtype::NS && type != rrtype::DS) comparable = false;
        bool routed = false;
        bool proxied = false;
        for (std::size_t i = begin; i < end && comparable; ++i) {
          const Record& record = zone.records[indices[i]];
          if (zone.is_repeat(indices[i])) continue;
          routed = routed || record.variant != 0;
          proxied = proxied || record.proxied();
          auto served = as_served(run_.model, record);
          if (!served) {
            comparable = false;
            break;
          }
          asked.records.push_back(&record);
          asked.expected.push_back(std::move(*served));
        }
        if (comparable && proxied) {
          if (Reporter* reporter = run_.reporter("server-rrset-differs")) {
            reporter->report_unconfirmed(
                zone, *asked.records.front(),
                fmt::format("{} {} is not compared: it is proxied, and the provider answers "
                            "with its proxy's addresses",
                            run_.model.name(node.owner), type_name(type)));
          }
        } else if (comparable && routed) {
          if (Reporter* reporter = run_.reporter("server-rrset-differs")) {
            reporter->report_unconfirmed(
                zone, *asked.records.front(),
                fmt::format("{} {} is not compared: it has routing alternatives (weighted, "
                            "latency, geo answers), and a server answers with one of them",
                            run_.model.name(node.owner), type_name(type)));
          }
        } else if (comparable && !asked.records.empty()) {
          out.push_back(std::move(asked));
        }
        begin = end;
      }
    }
  }

  void compare_rrsets() {
    if (!run_.enabled("server-rrset-differs") && !run_.enabled("server-ttl-differs")) return;
    std::vector<RRsetQuery> sets;
    for (ZoneServers& entry : zones_) collect_rrsets(entry, sets);
    std::vector<Question> questions;
    for (const RRsetQuery& set : sets) {
      for (const Server& server : set.entry->servers) {
        if (!server.answering) continue;
        questions.push_back({Asked::authoritative, server.endpoint, set.expected.front().owner,
                             set.expected.front().type});
      }
    }
    run_.progress(
        fmt::format("asking {} question(s) about {} RRset(s)", questions.size(), sets.size()));
    const auto answers = run_.network.ask(questions);
    std::size_t k = 0;
    for (RRsetQuery& set : sets) {
      // Servers by what they serve differently, so that one change missing everywhere is
      // one finding that names every server.
      std::map<std::string, std::vector<std::string>> differences;
      std::map<std::uint32_t, std::vector<std::string>> ttls;
      const Record* first_missing = nullptr;
      for (Server& server : set.entry->servers) {
        if (!server.answering) continue;
        const Answer& answer = answers[k++];
        if (answer.outcome != Outcome::answered) {
          unreachable(*set.entry, server, answer.error);
          continue;
        }
        const Record* missing = nullptr;
        std::string difference = describe(set, answer, ttls, server.label, missing);
        if (!difference.empty()) {
          differences[difference].push_back(server.label);
          if (first_missing == nullptr) first_missing = missing;
        }
      }
      const Zone& zone = *set.entry->zone;
      const Record& at = first_missing != nullptr ? *first_missing : *set.records.front();
      for (const auto& [difference, servers] : differences) {
        report_at(run_, "server-rrset-differs", zone, at,
                  fmt::format("{} {} {}", join_names(servers), serve(servers.size()), difference));
      }
      const Record& head = *set.records.front();
      if (head.unknown_ttl()) continue;
      for (const auto& [ttl, servers] : ttls) {
        if (ttl == head.ttl) continue;
        report_at(run_, "server-ttl-differs", zone, head,
                  fmt::format("{} {} {} {} with TTL {}; the source has {}", join_names(servers),
                              serve(servers.size()), set.expected.front().owner,
                              type_name(set.expected.front().type), ttl, head.ttl));
      }
    }
  }

  // How `answer` differs from the source's RRset, as a message's end ("www.example.com. A
  // without 192.0.2.1"), or "" when it serves the same data. Notes the TTL served under
  // `label`, and the first source record the server lacks in `missing`.
  std::string describe(const RRsetQuery& set, const Answer& answer,
                       std::map<std::uint32_t, std::vector<std::string>>& ttls,
                       const std::string& label, const Record*& missing) {
    const ServedRecord& head = set.expected.front();
    const std::string rrset = fmt::format("{} {}", head.owner, type_name(head.type));
    if (answer.rcode != 0 && answer.rcode != 3)
      return fmt::format("an error for {} ({})", rrset, rcode_name(answer.rcode));
    const auto& section = set.referral ? answer.authority : answer.answer;
    std::vector<const ServedRecord*> served;
    const ServedRecord* alias = nullptr;
    for (const ServedRecord& record : section) {
      if (record.owner != head.owner) continue;
      if (record.type == head.type) served.push_back(&record);
      if (record.type == rrtype::CNAME) alias = &record;
    }
    if (served.empty()) {
      missing = set.records.front();
      if (answer.rcode == 3) return fmt::format("no {} (NXDOMAIN: no such name)", rrset);
      if (alias != nullptr) return fmt::format("a CNAME to {} instead of {}", alias->data, rrset);
      return fmt::format("no {} (no such record)", rrset);
    }
    if (!set.referral && !answer.authoritative)
      return fmt::format("{} without authority (AA not set)", rrset);
    std::vector<std::string> lacking;
    std::vector<std::string> extra;
    for (std::size_t i = 0; i < set.expected.size(); ++i) {
      const bool found = std::any_of(served.begin(), served.end(), [&](const ServedRecord* r) {
        return r->canonical == set.expected[i].canonical;
      });
      if (!found) {
        lacking.push_back(set.expected[i].data);
        if (missing == nullptr) missing = set.records[i];
      }
    }
    std::set<std::string> seen;
    for (const ServedRecord* record : served) {
      if (!seen.insert(record->canonical).second) continue;
      const bool known =
          std::any_of(set.expected.begin(), set.expected.end(),
                      [&](const ServedRecord& e) { return e.canonical == record->canonical; });
      if (!known) extra.push_back(record->data);
    }
    if (lacking.empty() && extra.empty()) {
      ttls[served.front()->ttl].push_back(label);
      return {};
    }
    if (extra.empty()) return fmt::format("{} without {}", rrset, list_values(lacking));
    if (lacking.empty())
      return fmt::format("{} with {} besides the source's data", rrset, list_values(extra));
    return fmt::format("{} as {} where the source has {}", rrset, list_values(extra),
                       list_values(lacking));
  }

  // Zone transfers: allowed to anyone (server-axfr-open), and what they hold that the source
  // does not (server-record-extra).
  void transfer_zones() {
    const bool open_on = run_.enabled("server-axfr-open");
    const bool extra_on = run_.enabled("server-record-extra");
    if (!open_on && !extra_on) return;
    run_.progress("asking for zone transfers");
    for (const ZoneServers& entry : zones_) {
      const Zone& zone = *entry.zone;
      const std::string origin(run_.model.name(zone.origin));
      // Extra RRsets (owner and type) with the servers that serve them.
      std::map<std::pair<std::string, std::uint16_t>,
               std::pair<std::vector<std::string>, std::string>>
          extras;
      for (const Server& server : entry.servers) {
        if (!server.answering) continue;
        const Transfer transfer = run_.network.transfer(server.endpoint, origin);
        if (!transfer.ok()) continue;
        report_at(run_, "server-axfr-open", zone, *entry.anchor,
                  fmt::format("{} transfers {} to anyone who asks (AXFR): {} records, the whole "
                              "zone, for whoever wants to map it",
                              server.label, origin, transfer.records.size()));
        if (!zone.complete || zone.dynamic) continue;
        for (const ServedRecord& record : transfer.records) {
          if (is_signing_type(record.type)) continue;
          const auto owner = run_.model.names.find(record.owner);
          if (owner && !zone.rrset(*owner, record.type).empty()) continue;
          auto& [servers, sample] = extras[{record.owner, record.type}];
          if (std::find(servers.begin(), servers.end(), server.label) == servers.end())
            servers.push_back(server.label);
          if (sample.empty()) sample = record.data;
        }
      }
      for (const auto& [key, value] : extras) {
        const auto& [servers, sample] = value;
        report_at(
            run_, "server-record-extra", zone, *entry.anchor,
            fmt::format("{} {} {} {} ({}), which the source does not hold", join_names(servers),
                        serve(servers.size()), key.first, type_name(key.second), sample));
      }
    }
  }

  // Types a signing server adds itself (RFC 4034, RFC 5155, RFC 7344).
  static bool is_signing_type(std::uint16_t type) {
    return type == rrtype::RRSIG || type == rrtype::NSEC || type == rrtype::NSEC3 ||
           type == rrtype::NSEC3PARAM || type == rrtype::DNSKEY || type == rrtype::CDS ||
           type == rrtype::CDNSKEY || type == rrtype::SOA;
  }

  LiveRun& run_;
  std::vector<ZoneServers> zones_;
};

}  // namespace

void check_servers(LiveRun& run) { ServerCheck(run).run(); }

}  // namespace dnslint::live
