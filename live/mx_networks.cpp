// mx-same-origin-as: the addresses of all the mail exchanges of an owner announced by one
// autonomous system, which one routing incident or one provider's outage takes down together:
// the "geographic distribution" of backup exchanges that RFC 2182 §3.1 asks of name servers.
// The origin AS of each address comes from a DNS origin lookup (Team Cymru's
// origin.asn.cymru.com by default: "AS | prefix | CC | registry | date" in a TXT record).
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "live/checks.hpp"
#include "model/rrtype.hpp"

namespace dnslint::live {
namespace {

// The origin ASes a TXT answer names ("64500 64501 | 192.0.2.0/24 | ..."), or nothing.
std::vector<std::string> origin_ases(const Answer& answer) {
  std::vector<std::string> out;
  for (const ServedRecord& record : answer.answer) {
    if (record.type != rrtype::TXT) continue;
    std::string text = record.data;
    text.erase(std::remove(text.begin(), text.end(), '"'), text.end());
    std::istringstream words(text.substr(0, text.find('|')));
    for (std::string as; words >> as;) {
      if (std::all_of(as.begin(), as.end(), [](char c) { return c >= '0' && c <= '9'; }))
        out.push_back(as);
    }
  }
  return out;
}

}  // namespace

void check_origin_ases(LiveRun& run, const std::vector<MailExchange>& exchanges) {
  Reporter* reporter = run.reporter("mx-same-origin-as");
  if (reporter == nullptr) return;
  const RuleOptions& options = run.options("mx-same-origin-as");
  std::string zone4 = options.text("origin-zone");
  std::string zone6 = options.text("origin6-zone");
  for (std::string* zone : {&zone4, &zone6})
    if (!zone->ends_with('.')) *zone += '.';
  std::map<std::string, const MailExchange*> by_name;
  for (const MailExchange& exchange : exchanges) by_name[exchange.name] = &exchange;
  // Every address once.
  std::set<std::string> addresses;
  for (const MailExchange& exchange : exchanges)
    addresses.insert(exchange.addresses.begin(), exchange.addresses.end());
  std::vector<Question> questions;
  std::vector<std::string> asked;
  for (const std::string& address : addresses) {
    const auto reversed = reversed_address(address);
    if (!reversed) continue;
    const bool v6 = address.find(':') != std::string::npos;
    questions.push_back(Question::to_resolver(*reversed + "." + (v6 ? zone6 : zone4), rrtype::TXT));
    asked.push_back(address);
  }
  run.progress(fmt::format("asking the origin AS of {} address(es)", questions.size()));
  const auto answers = run.network.ask(questions);
  std::map<std::string, std::vector<std::string>> as_of;
  for (std::size_t i = 0; i < answers.size(); ++i) as_of[asked[i]] = origin_ases(answers[i]);

  for (const Zone& zone : run.model.zones) {
    for (const auto& set : zone.rrsets(rrtype::MX)) {
      const auto indices = zone.records_of(set);
      std::vector<const MailExchange*> members;
      for (std::uint32_t index : indices) {
        const TargetName* target = target_of(zone.records[index]);
        if (target == nullptr || zone.records[index].unknown_value()) continue;
        const auto found = by_name.find(std::string(run.model.name(target->name)));
        if (found == by_name.end()) continue;  // a null MX, or no exchange
        if (std::find(members.begin(), members.end(), found->second) == members.end())
          members.push_back(found->second);
      }
      if (members.size() < 2) continue;  // no backup: mx-missing-backup's finding
      // One AS that every address of every exchange is announced by, and only by.
      std::optional<std::string> shared;
      bool one_as = true;
      for (const MailExchange* exchange : members) {
        if (exchange->addresses.empty()) one_as = false;
        for (const std::string& address : exchange->addresses) {
          const auto& ases = as_of[address];
          if (ases.size() != 1 || (shared && *shared != ases.front())) one_as = false;
          if (!ases.empty()) shared = ases.front();
        }
      }
      if (!one_as || !shared) continue;
      std::string names;
      for (const MailExchange* exchange : members)
        names += (names.empty() ? "" : ", ") + exchange->name;
      reporter->report(
          zone, zone.records[indices.front()],
          fmt::format("all {} mail exchanges of {} ({}) are announced by one "
                      "network, AS{}: one routing incident or outage there stops "
                      "all mail",
                      members.size(), run.model.name(zone.records[indices.front()].owner), names,
                      *shared));
    }
  }
}

}  // namespace dnslint::live
