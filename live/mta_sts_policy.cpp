// mta-sts-policy: the MTA-STS policy of every domain that announces one (an `_mta-sts` TXT
// record, RFC 8461 §3.1), fetched as senders fetch it (RFC 8461 §3.3: HTTPS to
// mta-sts.DOMAIN, a trusted certificate for that name, no redirect, 200, text/plain, at most
// 64 KiB) and read (§3.2), its `mx` patterns against the domain's MX set (§4.1).
#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "live/checks.hpp"
#include "live/smtp.hpp"
#include "model/ascii.hpp"
#include "model/rrtype.hpp"
#include "rules/mail_records.hpp"

namespace dnslint::live {
namespace {

constexpr std::size_t kPolicyLimit = 64 * 1024;  // RFC 8461 §3.3: senders may limit to 64 KiB
constexpr std::string_view kPolicyPath = "/.well-known/mta-sts.txt";

struct Announced {
  const Zone* zone;
  const Record* record;  // the _mta-sts TXT record
  std::string domain;    // "example.com."
};

struct Policy {
  std::string mode;
  std::vector<std::string> mx;
  std::vector<std::string> problems;
};

// RFC 8461 §3.2: "key: value" lines, CRLF or LF; version, mode and max_age once each, mx at
// least once unless the mode is none; other keys are extensions.
Policy read_policy(std::string_view body) {
  Policy policy;
  bool version = false;
  bool max_age = false;
  std::size_t start = 0;
  while (start < body.size()) {
    auto end = body.find('\n', start);
    if (end == std::string_view::npos) end = body.size();
    std::string_view line = body.substr(start, end - start);
    start = end + 1;
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (line.empty()) continue;
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) {
      policy.problems.push_back(fmt::format("the line '{}' is no 'key: value'", line));
      continue;
    }
    const std::string_view key = line.substr(0, colon);
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
      value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
    if (key == "version") {
      version = true;
      if (value != "STSv1")
        policy.problems.push_back(fmt::format("version is '{}', not STSv1", value));
    } else if (key == "mode") {
      policy.mode = value;
      if (value != "enforce" && value != "testing" && value != "none")
        policy.problems.push_back(fmt::format("mode is '{}', not enforce, testing or none", value));
    } else if (key == "max_age") {
      max_age = true;
      std::uint64_t seconds = 0;
      const auto [at, error] = std::from_chars(value.data(), value.data() + value.size(), seconds);
      if (error != std::errc() || at != value.data() + value.size() || value.size() > 10 ||
          seconds > 31557600)
        policy.problems.push_back(
            fmt::format("max_age is '{}', not a number of seconds up to 31557600 (a year)", value));
    } else if (key == "mx") {
      policy.mx.emplace_back(to_ascii_lower(value));
    }
  }
  if (!version) policy.problems.push_back("it has no version");
  if (policy.mode.empty()) policy.problems.push_back("it has no mode");
  if (!max_age) policy.problems.push_back("it has no max_age");
  if (policy.mx.empty() && policy.mode != "none") policy.problems.push_back("it has no mx pattern");
  return policy;
}

std::vector<Announced> announced_policies(const Model& model) {
  std::vector<Announced> out;
  for (const Zone& zone : model.zones) {
    for (const auto& set : zone.rrsets(rrtype::TXT)) {
      const auto indices = zone.records_of(set);
      const Record& first = zone.records[indices.front()];
      const std::string_view owner = model.name(first.owner);
      if (!owner.starts_with("_mta-sts.")) continue;
      for (std::uint32_t index : indices) {
        const Record& record = zone.records[index];
        if (record.unknown_value() || !starts_with_version(txt_text(record), "v=STSv1")) continue;
        out.push_back({&zone, &record, std::string(owner.substr(9))});
        break;
      }
    }
  }
  return out;
}

}  // namespace

void check_mta_sts_policies(LiveRun& run) {
  Reporter* reporter = run.reporter("mta-sts-policy");
  if (reporter == nullptr) return;
  const std::vector<Announced> announced = announced_policies(run.model);
  if (announced.empty()) return;
  std::vector<Question> questions;
  for (const Announced& policy : announced) {
    questions.push_back(Question::to_resolver("mta-sts." + policy.domain, rrtype::A));
    questions.push_back(Question::to_resolver("mta-sts." + policy.domain, rrtype::AAAA));
  }
  run.progress(fmt::format("fetching {} MTA-STS polic{}", announced.size(),
                           announced.size() == 1 ? "y" : "ies"));
  const auto answers = run.network.ask(questions);
  for (std::size_t i = 0; i < announced.size(); ++i) {
    const Announced& policy = announced[i];
    std::string host = "mta-sts." + policy.domain;
    host.pop_back();
    const auto report = [&](const std::string& message) {
      reporter->report(*policy.zone, *policy.record, message);
    };
    std::string address;
    for (const Answer* answer : {&answers[2 * i], &answers[2 * i + 1]}) {
      for (const ServedRecord& record : answer->answer)
        if (address.empty() && (record.type == rrtype::A || record.type == rrtype::AAAA))
          address = record.data;
    }
    if (address.empty()) {
      report(fmt::format(
          "the MTA-STS policy host {} has no address ({}): senders cannot fetch "
          "the policy this record announces",
          host, answers[2 * i].ok() ? "no A or AAAA record" : failure_text(answers[2 * i])));
      continue;
    }
    const Endpoint server{address, run.settings.https_port};
    const HttpsFetch fetch =
        run.network.fetch_https(server, host, std::string(kPolicyPath), kPolicyLimit);
    const std::string url = fmt::format("https://{}{}", host, kPolicyPath);
    if (fetch.outcome != Outcome::answered) {
      report(fmt::format("the MTA-STS policy {} cannot be fetched from {}: {}", url, server.text(),
                         fetch.error));
      continue;
    }
    if (!fetch.verify_error.empty()) {
      report(
          fmt::format("the certificate of {} ({}) is not trusted for {}: {}; senders ignore "
                      "the policy (RFC 8461 §3.3)",
                      host, server.text(), host, fetch.verify_error));
      continue;
    }
    if (fetch.status >= 300 && fetch.status < 400) {
      report(fmt::format(
          "{} redirects (HTTP {}{}): senders do not follow redirects for the "
          "policy (RFC 8461 §3.3)",
          url, fetch.status, fetch.location.empty() ? "" : fmt::format(" to {}", fetch.location)));
      continue;
    }
    if (fetch.status != 200) {
      report(fmt::format("{} answers HTTP {}, not 200: senders find no policy", url, fetch.status));
      continue;
    }
    const std::string media_type =
        to_ascii_lower(fetch.content_type.substr(0, fetch.content_type.find(';')));
    if (media_type.find_first_not_of(' ') == std::string::npos ||
        media_type.substr(0, media_type.find_last_not_of(' ') + 1) != "text/plain") {
      report(fmt::format("{} is served as '{}', not text/plain (RFC 8461 §3.3)", url,
                         fetch.content_type));
      continue;
    }
    if (fetch.body.size() > kPolicyLimit) {
      report(fmt::format("{} is over 64 KiB: senders may refuse it (RFC 8461 §3.3)", url));
      continue;
    }
    const Policy read = read_policy(fetch.body);
    if (!read.problems.empty()) {
      report(fmt::format("the MTA-STS policy {} is invalid (RFC 8461 §3.2): {}", url,
                         fmt::join(read.problems, "; ")));
      continue;
    }
    if (read.mode == "none") continue;
    // RFC 8461 §4.1: every exchange must match a pattern, or senders refuse it; patterns match
    // as certificate names do (a wildcard for one left-most label).
    const Zone& zone = *policy.zone;
    const auto domain = run.model.names.find(policy.domain);
    if (!domain) continue;
    for (std::uint32_t index : zone.rrset(*domain, rrtype::MX)) {
      const Record& record = zone.records[index];
      const TargetName* target = target_of(record);
      if (record.unknown_value() || target == nullptr) continue;
      const std::string exchange(run.model.name(target->name));
      if (exchange == ".") continue;
      const bool covered = std::any_of(read.mx.begin(), read.mx.end(), [&](const std::string& p) {
        return certificate_name_matches(p, exchange);
      });
      if (covered) continue;
      reporter->report(
          zone, record,
          fmt::format("the exchange {} matches none of the mx patterns of the "
                      "MTA-STS policy ({}, mode {}): senders {} it (RFC 8461 §4.1)",
                      exchange, fmt::join(read.mx, ", "), read.mode,
                      read.mode == "enforce" ? "refuse to deliver to" : "report failures for"));
    }
  }
}

}  // namespace dnslint::live
