// The mail exchanges on the live DNS: mx-unresolvable (an exchange with no address, RFC 5321
// §5.1) and mx-reverse-dns (an address whose PTR does not lead back to it, RFC 1912 §2.1), then
// the blocklists (blocklists.cpp) over the addresses found.
#include <arpa/inet.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>

#include "live/checks.hpp"
#include "model/rrtype.hpp"

namespace dnslint::live {

void report_exchange(LiveRun& run, std::string_view id, const MailExchange& exchange,
                     const std::string& message, bool unconfirmed) {
  Reporter* reporter = run.reporter(id);
  if (reporter == nullptr) return;
  for (const auto& [zone, record] : exchange.records) {
    if (unconfirmed) {
      reporter->report_unconfirmed(*zone, *record, message);
    } else {
      reporter->report(*zone, *record, message);
    }
  }
}

std::optional<std::string> reversed_address(const std::string& address) {
  std::array<unsigned char, 16> bytes{};
  if (inet_pton(AF_INET, address.c_str(), bytes.data()) == 1) {
    return fmt::format("{}.{}.{}.{}", bytes[3], bytes[2], bytes[1], bytes[0]);
  }
  if (inet_pton(AF_INET6, address.c_str(), bytes.data()) == 1) {
    std::string out;
    for (int i = 15; i >= 0; --i) {
      const unsigned value = bytes[static_cast<std::size_t>(i)];
      out += fmt::format("{:x}.{:x}.", value & 0xfu, value >> 4);
    }
    out.pop_back();
    return out;
  }
  return std::nullopt;
}

namespace {

// The addresses an answer gives (after the CNAMEs a resolver followed).
void add_addresses(const Answer& answer, std::vector<std::string>& out) {
  for (const ServedRecord& record : answer.answer) {
    if ((record.type == rrtype::A || record.type == rrtype::AAAA) &&
        std::find(out.begin(), out.end(), record.data) == out.end())
      out.push_back(record.data);
  }
}

std::vector<MailExchange> collect_exchanges(const Model& model) {
  std::map<std::string, MailExchange> by_name;
  for (const Zone& zone : model.zones) {
    for (const auto& set : zone.rrsets(rrtype::MX)) {
      for (std::uint32_t index : zone.records_of(set)) {
        const Record& record = zone.records[index];
        const TargetName* target = target_of(record);
        if (record.unknown_value() || target == nullptr) continue;
        const std::string name(model.name(target->name));
        if (name == ".") continue;  // a null MX (RFC 7505) names no host
        MailExchange& exchange = by_name[name];
        exchange.name = name;
        exchange.records.emplace_back(&zone, &record);
      }
    }
  }
  std::vector<MailExchange> out;
  for (auto& [name, exchange] : by_name) out.push_back(std::move(exchange));
  return out;
}

// Forward-confirmed reverse DNS of every address: its PTR names, and theirs addresses.
void check_reverse_dns(LiveRun& run, const std::vector<MailExchange>& exchanges) {
  std::map<std::string, std::string> reverse_names;  // address -> its PTR owner
  for (const MailExchange& exchange : exchanges) {
    for (const std::string& address : exchange.addresses) {
      auto reversed = reversed_address(address);
      if (!reversed) continue;
      reverse_names[address] =
          *reversed + (address.find(':') != std::string::npos ? ".ip6.arpa." : ".in-addr.arpa.");
    }
  }
  std::vector<Question> questions;
  for (const auto& [address, name] : reverse_names)
    questions.push_back(Question::to_resolver(name, rrtype::PTR));
  run.progress(fmt::format("asking for the PTR of {} address(es)", questions.size()));
  const auto ptr_answers = run.network.ask(questions);
  std::map<std::string, Answer> ptr_of;
  std::size_t k = 0;
  for (const auto& [address, name] : reverse_names) ptr_of[address] = ptr_answers[k++];
  // The addresses of every name a PTR gives.
  std::map<std::string, std::vector<std::string>> forward;
  std::vector<Question> forward_questions;
  for (const auto& [address, answer] : ptr_of) {
    for (const ServedRecord& record : answer.answer) {
      if (record.type != rrtype::PTR || forward.contains(record.data)) continue;
      forward[record.data] = {};
      forward_questions.push_back(Question::to_resolver(record.data, rrtype::A));
      forward_questions.push_back(Question::to_resolver(record.data, rrtype::AAAA));
    }
  }
  const auto forward_answers = run.network.ask(forward_questions);
  for (std::size_t i = 0; i < forward_answers.size(); ++i)
    add_addresses(forward_answers[i], forward[forward_questions[i].name]);

  for (const MailExchange& exchange : exchanges) {
    for (const std::string& address : exchange.addresses) {
      const auto found = ptr_of.find(address);
      if (found == ptr_of.end()) continue;
      const Answer& answer = found->second;
      std::vector<std::string> names;
      for (const ServedRecord& record : answer.answer)
        if (record.type == rrtype::PTR) names.push_back(record.data);
      if (names.empty()) {
        const bool failed = !answer.ok() && answer.rcode != 3;
        if (failed) {
          report_exchange(run, "mx-reverse-dns", exchange,
                          fmt::format("the PTR of {} (an address of {}) could not be asked: {}",
                                      address, exchange.name, failure_text(answer)),
                          true);
        } else {
          report_exchange(run, "mx-reverse-dns", exchange,
                          fmt::format("{} (an address of {}) has no PTR record: receivers that "
                                      "check reverse DNS distrust mail from it",
                                      address, exchange.name));
        }
        continue;
      }
      const bool confirmed = std::any_of(names.begin(), names.end(), [&](const std::string& name) {
        const auto& addresses = forward[name];
        return std::find(addresses.begin(), addresses.end(), address) != addresses.end();
      });
      if (!confirmed) {
        report_exchange(run, "mx-reverse-dns", exchange,
                        fmt::format("the PTR of {} (an address of {}) names {}, which does not "
                                    "resolve back to {}",
                                    address, exchange.name, names.front(), address));
      }
    }
  }
}

}  // namespace

void check_mx_hosts(LiveRun& run) {
  std::vector<MailExchange> exchanges = collect_exchanges(run.model);
  if (exchanges.empty()) return;
  std::vector<Question> questions;
  for (const MailExchange& exchange : exchanges) {
    questions.push_back(Question::to_resolver(exchange.name, rrtype::A));
    questions.push_back(Question::to_resolver(exchange.name, rrtype::AAAA));
  }
  run.progress(fmt::format("resolving {} mail exchange(s)", exchanges.size()));
  const auto answers = run.network.ask(questions);
  for (std::size_t i = 0; i < exchanges.size(); ++i) {
    MailExchange& exchange = exchanges[i];
    const Answer& a = answers[2 * i];
    const Answer& aaaa = answers[2 * i + 1];
    add_addresses(a, exchange.addresses);
    add_addresses(aaaa, exchange.addresses);
    if (!exchange.addresses.empty()) continue;
    const Answer* failed = !a.ok() && a.rcode != 3         ? &a
                           : !aaaa.ok() && aaaa.rcode != 3 ? &aaaa
                                                           : nullptr;
    if (failed != nullptr) {
      report_exchange(run, "mx-unresolvable", exchange,
                      fmt::format("the mail exchange {} could not be resolved: {}", exchange.name,
                                  failure_text(*failed)),
                      true);
    } else {
      report_exchange(run, "mx-unresolvable", exchange,
                      fmt::format("the mail exchange {} has no address on the live DNS ({}): "
                                  "mail for the domain cannot be delivered to it",
                                  exchange.name,
                                  a.rcode == 3 ? "NXDOMAIN: no such name" : "no A or AAAA record"));
    }
  }
  if (run.enabled("mx-reverse-dns")) check_reverse_dns(run, exchanges);
  if (run.enabled("mx-blocklisted") || run.enabled("blocklist-unusable"))
    check_blocklists(run, exchanges);
  check_origin_ases(run, exchanges);
  if (run.settings.smtp) check_mail_transport(run, exchanges);
}

}  // namespace dnslint::live
