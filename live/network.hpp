// The one interface through which the live checks (`dnslint verify`) ask the network: batches
// of DNS questions to given servers, and zone transfers. Implementations: the network itself
// (network_cares.cpp), and a recording that replays the answers of an earlier run
// (recording.cpp), so that the checks can be tested and a report reproduced without traffic.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace dnslint::live {

// The network cannot be used at all (c-ares cannot start, an address it refuses).
class NetworkError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A DNS server: an IPv4 or IPv6 address and a port.
struct Endpoint {
  std::string address;  // as inet_pton reads it: "192.0.2.1", "2001:db8::1"
  std::uint16_t port = 53;

  // "192.0.2.1:53", "[2001:db8::1]:53": how reports and recordings name it.
  std::string text() const;
  bool operator==(const Endpoint&) const = default;
  auto operator<=>(const Endpoint&) const = default;
};

// "ADDRESS", "ADDRESS:PORT", "[IPV6]:PORT" or a bare IPv6 address; nullopt when it is none.
std::optional<Endpoint> parse_endpoint(std::string_view text);

// Who is asked: an authoritative server (no recursion wanted) or the recursive resolver.
enum class Asked : std::uint8_t { authoritative, resolver };

struct Question {
  Asked asked = Asked::authoritative;
  Endpoint server;   // for Asked::authoritative; the resolver's is the network's own
  std::string name;  // absolute, lower case, presentation form ("www.example.com.")
  std::uint16_t type = 0;

  // A question for the resolver (Asked::resolver), which has no server of its own.
  static Question to_resolver(std::string name, std::uint16_t type) {
    Question question;
    question.asked = Asked::resolver;
    question.name = std::move(name);
    question.type = type;
    return question;
  }
};

// A resource record as served, in the forms the checks compare and show.
struct ServedRecord {
  std::string owner;  // absolute, lower case
  std::uint16_t type = 0;
  std::uint32_t ttl = 0;
  std::string data;  // the rdata in presentation form, for messages
  // The rdata in canonical wire form (RFC 4034 §6.2: names in the types it lists lower case),
  // which decides whether two records hold the same data.
  std::string canonical;
  // The whole record in presentation form, as recordings keep it.
  std::string text;
};

enum class Outcome : std::uint8_t {
  answered,      // a DNS response came (whatever its rcode)
  timeout,       // no response within the timeout, after every retry
  refused,       // the connection was refused (ICMP port unreachable, TCP reset)
  failed,        // another network error (see Answer::error)
  not_recorded,  // replaying: the recording holds no answer to this question
};

struct Answer {
  Outcome outcome = Outcome::answered;
  std::string error;           // for every outcome but answered: the cause, for messages
  std::uint8_t rcode = 0;      // RFC 1035 §4.1.1 (0 NOERROR, 2 SERVFAIL, 3 NXDOMAIN, 5 REFUSED)
  bool authoritative = false;  // the AA bit
  std::vector<ServedRecord> answer;
  std::vector<ServedRecord> authority;

  bool ok() const { return outcome == Outcome::answered && rcode == 0; }
};

// The records of a zone transfer (RFC 5936), or why there are none.
struct Transfer {
  Outcome outcome = Outcome::answered;
  std::string error;
  std::uint8_t rcode = 0;  // REFUSED or NOTAUTH for a server that allows no transfer
  std::vector<ServedRecord> records;

  bool ok() const { return outcome == Outcome::answered && rcode == 0 && !records.empty(); }
};

// What an SMTP server on port 25 said, step by step (RFC 5321 §3.1, §4.1.1.1; RFC 3207).
struct SmtpProbe {
  Outcome outcome = Outcome::answered;  // of the connection; answered: it was accepted
  std::string error;                    // why it was not, or where the dialogue broke off
  std::string banner;                   // the greeting's first line ("220 mx.example.net ESMTP")
  bool starttls_offered = false;        // in the reply to EHLO
  std::string tls_error;                // the STARTTLS handshake's failure, or ""
  bool tls = false;                     // the handshake completed
  std::string verify_error;             // why the certificate chain is not trusted, or ""
  std::vector<std::string> names;       // the certificate's DNS names (subjectAltName, else CN)
};

// What an HTTPS server answered to one GET (HTTP/1.0, no redirect followed).
struct HttpsFetch {
  Outcome outcome = Outcome::answered;  // of the connection
  std::string error;         // why there is no response: connection, TLS, malformed reply
  std::string verify_error;  // why the certificate is not trusted for the host, or ""
  int status = 0;            // the HTTP status code
  std::string content_type;  // the Content-Type header's value, as sent
  std::string location;      // the Location header (a redirect), as sent
  std::string body;          // up to the size limit and one byte more
};

// How politely the network is asked (docs/usage.md, `dnslint verify`).
struct Limits {
  unsigned timeout_ms = 2000;  // per try
  unsigned tries = 2;          // UDP tries per question; TCP follows a truncated answer
  unsigned in_flight = 64;     // questions outstanding at once, over every server
  unsigned rate = 1000;        // questions per second to one server; 0: no limit
  std::string ca_file;         // certificates to trust for STARTTLS; "": the system's
};

class Network {
 public:
  virtual ~Network() = default;
  // The answers to `questions`, in their order. A zone's server that did not answer one
  // question is not asked the rest (they take its outcome at once): a dead server costs one
  // timeout. The resolver is asked every question.
  virtual std::vector<Answer> ask(const std::vector<Question>& questions) = 0;
  // A zone transfer of `zone` from `server`.
  virtual Transfer transfer(const Endpoint& server, const std::string& zone) = 0;
  // An SMTP dialogue with `server` as the mail exchange `exchange`: greeting, EHLO, STARTTLS
  // and the certificate, then QUIT.
  virtual SmtpProbe probe_smtp(const Endpoint& server, const std::string& exchange) = 0;
  // GET `path` from `host` at `server` over TLS (SNI and certificate name `host`), at most
  // `limit` bytes of body kept (one more marks it too long).
  virtual HttpsFetch fetch_https(const Endpoint& server, const std::string& host,
                                 const std::string& path, std::size_t limit) = 0;
  // Questions asked so far (for progress and the benchmark).
  virtual std::size_t questions_asked() const = 0;
};

// The rcode as RFC 1035 and RFC 6895 name it ("NOERROR", "SERVFAIL", "RCODE12").
std::string rcode_name(std::uint8_t rcode);
// What went wrong with an answer that is no plain NOERROR, for messages: "timed out after 2
// tries of 2000 ms", "SERVFAIL", "connection refused".
std::string failure_text(const Answer& answer);

}  // namespace dnslint::live
