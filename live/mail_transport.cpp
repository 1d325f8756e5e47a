// With --smtp: every address of every mail exchange as a sender meets it. mx-smtp-unreachable
// (no connection, no 220 greeting: RFC 5321 §3.1, §4.2), mx-starttls (STARTTLS not offered or
// failing: RFC 3207) and mx-tls-certificate (a certificate not trusted, or not naming the
// exchange: RFC 7672 §3.2, RFC 8461 §4.2, RFC 6125 §6.4).
#include <fmt/format.h>

#include <algorithm>

#include "live/checks.hpp"
#include "live/smtp.hpp"

namespace dnslint::live {

void check_mail_transport(LiveRun& run, const std::vector<MailExchange>& exchanges) {
  if (!run.enabled("mx-smtp-unreachable") && !run.enabled("mx-starttls") &&
      !run.enabled("mx-tls-certificate"))
    return;
  std::size_t addresses = 0;
  for (const MailExchange& exchange : exchanges) addresses += exchange.addresses.size();
  run.progress(fmt::format("talking SMTP to {} address(es)", addresses));
  for (const MailExchange& exchange : exchanges) {
    for (const std::string& address : exchange.addresses) {
      const Endpoint server{address, run.settings.smtp_port};
      const SmtpProbe probe = run.network.probe_smtp(server, exchange.name);
      const std::string who = fmt::format("{} ({} port {})", exchange.name, address, server.port);
      if (probe.outcome != Outcome::answered) {
        report_exchange(run, "mx-smtp-unreachable", exchange,
                        fmt::format("{} does not accept connections: {}; mail for the domain "
                                    "cannot be delivered there",
                                    who, probe.error));
        continue;
      }
      if (!probe.error.empty()) {
        report_exchange(
            run, "mx-smtp-unreachable", exchange,
            fmt::format("{} does not take mail: {}{}", who, probe.error,
                        probe.banner.empty() ? "" : fmt::format(" ({})", probe.banner)));
        continue;
      }
      if (!probe.starttls_offered) {
        report_exchange(run, "mx-starttls", exchange,
                        fmt::format("{} does not offer STARTTLS: mail to it travels in the "
                                    "clear, and MTA-STS or DANE cannot apply",
                                    who));
        continue;
      }
      if (!probe.tls) {
        report_exchange(run, "mx-starttls", exchange,
                        fmt::format("{} offers STARTTLS, but it fails: {}", who, probe.tls_error));
        continue;
      }
      if (!probe.verify_error.empty()) {
        report_exchange(run, "mx-tls-certificate", exchange,
                        fmt::format("the certificate of {} is not trusted: {}; senders that "
                                    "require TLS (MTA-STS enforce) refuse it",
                                    who, probe.verify_error));
      }
      const bool named = std::any_of(
          probe.names.begin(), probe.names.end(),
          [&](const std::string& name) { return certificate_name_matches(name, exchange.name); });
      if (!named) {
        report_exchange(
            run, "mx-tls-certificate", exchange,
            fmt::format("the certificate of {} names {}, not the exchange: senders "
                        "that check names (MTA-STS, DANE-TA) refuse it",
                        who,
                        probe.names.empty() ? std::string("no host")
                                            : fmt::format("{}", fmt::join(probe.names, ", "))));
      }
    }
  }
}

}  // namespace dnslint::live
