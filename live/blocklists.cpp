// mx-blocklisted and blocklist-unusable: every address of every mail exchange against the
// configured DNS blocklists of addresses, every exchange's name against the lists of domain
// names (RFC 5782 §2.1, §2.3). A list is tested first against its RFC 5782 §5 test points;
// answers that mean "refused" are never a listing.
#include <arpa/inet.h>
#include <fmt/format.h>

#include <array>
#include <map>

#include "live/checks.hpp"
#include "model/rrtype.hpp"

namespace dnslint::live {
namespace {

// What the return codes of the lists dnslint knows mean (their operators' documentation).
struct CodeMeaning {
  std::string_view code;
  std::string_view meaning;
};
constexpr std::array<CodeMeaning, 9> kZenCodes{{
    {"127.0.0.2", "Spamhaus SBL: a source of spam"},
    {"127.0.0.3", "Spamhaus SBL CSS: snowshoe spam"},
    {"127.0.0.4", "Spamhaus XBL: an exploited host (botnet, open proxy)"},
    {"127.0.0.5", "Spamhaus XBL"},
    {"127.0.0.6", "Spamhaus XBL"},
    {"127.0.0.7", "Spamhaus XBL"},
    {"127.0.0.9", "Spamhaus DROP: a hijacked or criminal network"},
    {"127.0.0.10", "Spamhaus PBL: an address its ISP says should not send mail directly"},
    {"127.0.0.11", "Spamhaus PBL: an address Spamhaus says should not send mail directly"},
}};
constexpr std::array<CodeMeaning, 9> kDblCodes{{
    {"127.0.1.2", "Spamhaus DBL: a spam domain"},
    {"127.0.1.4", "Spamhaus DBL: a phishing domain"},
    {"127.0.1.5", "Spamhaus DBL: a malware domain"},
    {"127.0.1.6", "Spamhaus DBL: a botnet command-and-control domain"},
    {"127.0.1.102", "Spamhaus DBL: an abused legitimate domain (spam)"},
    {"127.0.1.103", "Spamhaus DBL: an abused redirector or URL shortener"},
    {"127.0.1.104", "Spamhaus DBL: an abused legitimate domain (phishing)"},
    {"127.0.1.105", "Spamhaus DBL: an abused legitimate domain (malware)"},
    {"127.0.1.106", "Spamhaus DBL: an abused legitimate domain (botnet)"},
}};

bool is_list(std::string_view list, std::string_view public_name, std::string_view dqs_suffix) {
  return list == public_name || list.ends_with(dqs_suffix);
}

std::string meaning_of(std::string_view list, const std::string& code) {
  if (is_list(list, "zen.spamhaus.org.", ".zen.dq.spamhaus.net.")) {
    for (const CodeMeaning& entry : kZenCodes)
      if (entry.code == code) return std::string(entry.meaning);
  }
  if (is_list(list, "dbl.spamhaus.org.", ".dbl.dq.spamhaus.net.")) {
    for (const CodeMeaning& entry : kDblCodes)
      if (entry.code == code) return std::string(entry.meaning);
  }
  return {};
}

// Why an answer in 127.0.0.0/8 says the list refused the question rather than a listing, or
// "" for a listing.
std::string refusal_of(const std::string& code) {
  if (code == "127.255.255.252") return "127.255.255.252: the list's name is mistyped";
  if (code == "127.255.255.254")
    return "127.255.255.254: the list refuses questions through public or open resolvers";
  if (code == "127.255.255.255")
    return "127.255.255.255: too many questions (over the list's limit)";
  if (code.starts_with("127.255.255.")) return code + ": the list refuses the question";
  if (code == "127.0.1.255") return "127.0.1.255: the domain list refuses address questions";
  // RFC 5782 §5: no list lists 127.0.0.1; URIBL answers it to refuse a question.
  if (code == "127.0.0.1") return "127.0.0.1: the list refuses the question (RFC 5782 §5)";
  return {};
}

struct Verdict {
  enum class Kind { not_listed, listed, unusable } kind = Kind::not_listed;
  std::vector<std::string> codes;  // listed: the answer's addresses
  std::string why;                 // unusable: the cause
};

Verdict judge(const Answer& answer) {
  Verdict verdict;
  if (answer.outcome != Outcome::answered) {
    verdict.kind = Verdict::Kind::unusable;
    verdict.why = answer.error;
    return verdict;
  }
  if (answer.rcode == 3) return verdict;
  if (answer.rcode != 0) {
    verdict.kind = Verdict::Kind::unusable;
    verdict.why = rcode_name(answer.rcode);
    return verdict;
  }
  for (const ServedRecord& record : answer.answer) {
    if (record.type != rrtype::A) continue;
    if (!record.data.starts_with("127.")) {
      // RFC 5782 §2.1: lists answer in 127.0.0.0/8; anything else is a resolver that makes up
      // answers for names that do not exist.
      verdict.kind = Verdict::Kind::unusable;
      verdict.why = fmt::format(
          "{}: an answer outside 127.0.0.0/8, so no list's (a resolver "
          "that rewrites NXDOMAIN?)",
          record.data);
      return verdict;
    }
    if (auto refusal = refusal_of(record.data); !refusal.empty()) {
      verdict.kind = Verdict::Kind::unusable;
      verdict.why = refusal;
      return verdict;
    }
    verdict.codes.push_back(record.data);
  }
  if (!verdict.codes.empty()) verdict.kind = Verdict::Kind::listed;
  return verdict;
}

struct Blocklist {
  std::string zone;  // absolute
  bool of_domains = false;
  std::string unusable;  // why it cannot be used, or ""
};

std::string absolute(const std::string& name) {
  std::string out = name;
  if (!out.ends_with('.')) out += '.';
  return out;
}

// One question to a list: about an address or a domain.
struct Lookup {
  std::size_t list;
  const MailExchange* exchange;
  std::string subject;  // the address or the exchange's name
};

}  // namespace

void check_blocklists(LiveRun& run, const std::vector<MailExchange>& exchanges) {
  const RuleOptions& options = run.options("mx-blocklisted");
  std::vector<Blocklist> lists;
  for (const std::string& zone : options.strings("lists"))
    lists.push_back({absolute(zone), false, {}});
  for (const std::string& zone : options.strings("domain-lists"))
    lists.push_back({absolute(zone), true, {}});
  if (lists.empty() || exchanges.empty() || exchanges.front().records.empty()) return;

  // RFC 5782 §5: an address list lists 127.0.0.2 and not 127.0.0.1; a domain list lists
  // "test" and not "invalid".
  std::vector<Question> tests;
  for (const Blocklist& list : lists) {
    tests.push_back(
        Question::to_resolver((list.of_domains ? "test." : "2.0.0.127.") + list.zone, rrtype::A));
    tests.push_back(Question::to_resolver((list.of_domains ? "invalid." : "1.0.0.127.") + list.zone,
                                          rrtype::A));
  }
  run.progress(fmt::format("testing {} blocklist(s)", lists.size()));
  const auto test_answers = run.network.ask(tests);
  for (std::size_t i = 0; i < lists.size(); ++i) {
    const Verdict listed = judge(test_answers[2 * i]);
    const Verdict unlisted = judge(test_answers[2 * i + 1]);
    Blocklist& list = lists[i];
    if (listed.kind == Verdict::Kind::unusable) {
      list.unusable = listed.why;
    } else if (listed.kind != Verdict::Kind::listed) {
      list.unusable = fmt::format("it does not list its test entry {} (RFC 5782 §5)",
                                  list.of_domains ? "test" : "127.0.0.2");
    } else if (unlisted.kind == Verdict::Kind::listed) {
      list.unusable = fmt::format(
          "it lists {}, which no list lists (RFC 5782 §5): it answers "
          "every question",
          list.of_domains ? "invalid" : "127.0.0.1");
    } else if (unlisted.kind == Verdict::Kind::unusable) {
      list.unusable = unlisted.why;
    }
  }

  std::vector<Lookup> lookups;
  std::vector<Question> questions;
  for (std::size_t l = 0; l < lists.size(); ++l) {
    if (!lists[l].unusable.empty()) continue;
    for (const MailExchange& exchange : exchanges) {
      if (lists[l].of_domains) {
        lookups.push_back({l, &exchange, exchange.name});
        questions.push_back(Question::to_resolver(exchange.name + lists[l].zone, rrtype::A));
        continue;
      }
      for (const std::string& address : exchange.addresses) {
        auto reversed = reversed_address(address);
        if (!reversed) continue;
        lookups.push_back({l, &exchange, address});
        questions.push_back(Question::to_resolver(*reversed + "." + lists[l].zone, rrtype::A));
      }
    }
  }
  run.progress(fmt::format("asking {} blocklist question(s)", questions.size()));
  const auto answers = run.network.ask(questions);
  std::vector<Verdict> verdicts;
  std::vector<Question> reasons;  // TXT of every listing: the list's reason
  for (std::size_t i = 0; i < answers.size(); ++i) {
    verdicts.push_back(judge(answers[i]));
    if (verdicts.back().kind == Verdict::Kind::listed)
      reasons.push_back(Question::to_resolver(questions[i].name, rrtype::TXT));
  }
  const auto reason_answers = run.network.ask(reasons);
  std::size_t reason = 0;
  for (std::size_t i = 0; i < lookups.size(); ++i) {
    const Lookup& lookup = lookups[i];
    Blocklist& list = lists[lookup.list];
    const Verdict& verdict = verdicts[i];
    if (verdict.kind == Verdict::Kind::unusable) {
      if (list.unusable.empty()) list.unusable = verdict.why;
      continue;
    }
    if (verdict.kind != Verdict::Kind::listed) continue;
    std::string codes;
    for (const std::string& code : verdict.codes) {
      if (!codes.empty()) codes += ", ";
      const std::string meaning = meaning_of(list.zone, code);
      codes += meaning.empty() ? code : fmt::format("{} ({})", code, meaning);
    }
    std::string text;
    for (const ServedRecord& record : reason_answers[reason].answer)
      if (record.type == rrtype::TXT && text.empty()) text = record.data;
    ++reason;
    const std::string what =
        list.of_domains
            ? fmt::format("the mail exchange {}", lookup.exchange->name)
            : fmt::format("{} (an address of {})", lookup.subject, lookup.exchange->name);
    report_exchange(run, "mx-blocklisted", *lookup.exchange,
                    fmt::format("{} is listed on {}: {}{}", what, list.zone, codes,
                                text.empty() ? "" : fmt::format("; the list says {}", text)));
  }
  // Where a list that cannot be used is said: the first MX record checked.
  Reporter* reporter = run.reporter("blocklist-unusable");
  if (reporter == nullptr) return;
  const auto& [zone, record] = exchanges.front().records.front();
  for (const Blocklist& list : lists) {
    if (list.unusable.empty()) continue;
    reporter->report(*zone, *record,
                     fmt::format("the blocklist {} cannot be used: {}; the mail exchanges are "
                                 "not known to be off it",
                                 list.zone, list.unusable));
  }
}

}  // namespace dnslint::live
