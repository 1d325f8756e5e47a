#include "live/smtp.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <netinet/in.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <memory>

#include "model/ascii.hpp"

namespace dnslint::live {
namespace {

using Clock = std::chrono::steady_clock;

class Socket {
 public:
  explicit Socket(int fd) : fd_(fd) {}
  ~Socket() {
    if (fd_ >= 0) close(fd_);
  }
  Socket(const Socket&) = delete;
  Socket& operator=(const Socket&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

// Waits until `fd` is ready for `events` or `milliseconds` pass; false on timeout.
bool wait_for(int fd, short events, int milliseconds) {
  pollfd entry{fd, events, 0};
  return poll(&entry, 1, milliseconds) > 0;
}

std::string last_tls_error() {
  const unsigned long code = ERR_get_error();
  if (code == 0) return "the connection closed during the handshake";
  char text[256];
  ERR_error_string_n(code, text, sizeof text);
  return text;
}

// The dialogue: plain text before STARTTLS, then (for QUIT) through TLS.
class Dialogue {
 public:
  Dialogue(int fd, int timeout_ms) : fd_(fd), timeout_ms_(timeout_ms) {}

  // One reply (all its lines), or nullopt with `error` set.
  std::optional<std::string> reply(std::string& error) {
    std::string text;
    for (;;) {
      const auto end = buffer_.find("\r\n");
      if (end != std::string::npos) {
        std::string line = buffer_.substr(0, end);
        buffer_.erase(0, end + 2);
        text += line + "\n";
        // RFC 5321 §4.2: "ddd-" continues a reply, "ddd " or "ddd" ends it.
        if (line.size() < 4 || line[3] != '-') return text;
        continue;
      }
      if (buffer_.size() > 65536) {
        error = "a reply over 64 KiB";
        return std::nullopt;
      }
      char chunk[4096];
      if (!wait_for(fd_, POLLIN, timeout_ms_)) {
        error = fmt::format("no reply within {} ms", timeout_ms_);
        return std::nullopt;
      }
      const ssize_t got =
          ssl_ != nullptr ? SSL_read(ssl_, chunk, sizeof chunk) : recv(fd_, chunk, sizeof chunk, 0);
      if (got <= 0) {
        error = "the server closed the connection";
        return std::nullopt;
      }
      buffer_.append(chunk, static_cast<std::size_t>(got));
    }
  }

  bool send_line(const std::string& line) {
    const std::string data = line + "\r\n";
    if (ssl_ != nullptr) return SSL_write(ssl_, data.data(), static_cast<int>(data.size())) > 0;
    return ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(data.size());
  }

  void use_tls(SSL* ssl) { ssl_ = ssl; }
  // Bytes the server sent after its STARTTLS reply and before the handshake: a protocol error
  // (and the STARTTLS command injection of CVE-2011-0411 when a server accepts them).
  bool has_leftover() const { return !buffer_.empty(); }

 private:
  int fd_;
  int timeout_ms_;
  SSL* ssl_ = nullptr;
  std::string buffer_;
};

int connect_to(const Endpoint& server, int timeout_ms, SmtpProbe& probe) {
  sockaddr_storage address{};
  socklen_t length = 0;
  auto* v4 = reinterpret_cast<sockaddr_in*>(&address);
  auto* v6 = reinterpret_cast<sockaddr_in6*>(&address);
  if (inet_pton(AF_INET, server.address.c_str(), &v4->sin_addr) == 1) {
    v4->sin_family = AF_INET;
    v4->sin_port = htons(server.port);
    length = sizeof *v4;
  } else if (inet_pton(AF_INET6, server.address.c_str(), &v6->sin6_addr) == 1) {
    v6->sin6_family = AF_INET6;
    v6->sin6_port = htons(server.port);
    length = sizeof *v6;
  } else {
    probe.outcome = Outcome::failed;
    probe.error = fmt::format("'{}' is no IP address", server.address);
    return -1;
  }
  const int fd = socket(address.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) {
    probe.outcome = Outcome::failed;
    probe.error = std::strerror(errno);
    return -1;
  }
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), length) != 0 && errno != EINPROGRESS) {
    probe.outcome = errno == ECONNREFUSED ? Outcome::refused : Outcome::failed;
    probe.error = errno == ECONNREFUSED ? "connection refused" : std::strerror(errno);
    close(fd);
    return -1;
  }
  if (!wait_for(fd, POLLOUT, timeout_ms)) {
    probe.outcome = Outcome::timeout;
    probe.error = fmt::format("no connection within {} ms", timeout_ms);
    close(fd);
    return -1;
  }
  int status = 0;
  socklen_t size = sizeof status;
  getsockopt(fd, SOL_SOCKET, SO_ERROR, &status, &size);
  if (status != 0) {
    probe.outcome = status == ECONNREFUSED ? Outcome::refused : Outcome::failed;
    probe.error = status == ECONNREFUSED ? "connection refused" : std::strerror(status);
    close(fd);
    return -1;
  }
  return fd;
}

// The DNS names of a certificate: its subjectAltName dNSNames, else its subject's CN (RFC 6125
// §6.4.4).
std::vector<std::string> certificate_names(X509* certificate) {
  std::vector<std::string> names;
  auto* alternatives = static_cast<GENERAL_NAMES*>(
      X509_get_ext_d2i(certificate, NID_subject_alt_name, nullptr, nullptr));
  if (alternatives != nullptr) {
    for (int i = 0; i < sk_GENERAL_NAME_num(alternatives); ++i) {
      const GENERAL_NAME* entry = sk_GENERAL_NAME_value(alternatives, i);
      if (entry->type != GEN_DNS) continue;
      const ASN1_STRING* text = entry->d.dNSName;
      names.emplace_back(reinterpret_cast<const char*>(ASN1_STRING_get0_data(text)),
                         static_cast<std::size_t>(ASN1_STRING_length(text)));
    }
    GENERAL_NAMES_free(alternatives);
  }
  if (names.empty()) {
    char common_name[256] = {};
    if (X509_NAME_get_text_by_NID(X509_get_subject_name(certificate), NID_commonName, common_name,
                                  sizeof common_name) > 0)
      names.emplace_back(common_name);
  }
  return names;
}

}  // namespace

bool certificate_name_matches(std::string_view pattern, std::string_view name) {
  std::string wanted = to_ascii_lower(name);
  std::string given = to_ascii_lower(pattern);
  if (wanted.ends_with('.')) wanted.pop_back();
  if (given.ends_with('.')) given.pop_back();
  if (given == wanted) return true;
  if (!given.starts_with("*.")) return false;
  const auto dot = wanted.find('.');
  return dot != std::string::npos && dot > 0 && wanted.substr(dot) == given.substr(1);
}

SmtpProbe probe_smtp(const Endpoint& server, const std::string& exchange, const Limits& limits) {
  SmtpProbe probe;
  const int timeout_ms = static_cast<int>(limits.timeout_ms);
  const int fd = connect_to(server, timeout_ms, probe);
  if (fd < 0) return probe;
  Socket socket_guard(fd);
  Dialogue dialogue(fd, timeout_ms);
  std::string error;
  const auto banner = dialogue.reply(error);
  if (!banner) {
    probe.error = "greeting: " + error;
    return probe;
  }
  probe.banner = banner->substr(0, banner->find('\n'));
  if (!banner->starts_with("220")) {
    probe.error = "the greeting is no 220";
    return probe;
  }
  // The client's name: the address literal of its own end (RFC 5321 §4.1.3), always valid.
  sockaddr_storage local{};
  socklen_t local_size = sizeof local;
  getsockname(fd, reinterpret_cast<sockaddr*>(&local), &local_size);
  char local_text[INET6_ADDRSTRLEN] = {};
  const bool local_v6 = local.ss_family == AF_INET6;
  inet_ntop(local.ss_family,
            local_v6 ? static_cast<void*>(&reinterpret_cast<sockaddr_in6*>(&local)->sin6_addr)
                     : static_cast<void*>(&reinterpret_cast<sockaddr_in*>(&local)->sin_addr),
            local_text, sizeof local_text);
  dialogue.send_line(fmt::format("EHLO [{}{}]", local_v6 ? "IPv6:" : "", local_text));
  const auto ehlo = dialogue.reply(error);
  if (!ehlo) {
    probe.error = "EHLO: " + error;
    return probe;
  }
  if (!ehlo->starts_with("250")) {
    probe.error = fmt::format("EHLO refused: {}", ehlo->substr(0, ehlo->find('\n')));
    return probe;
  }
  for (std::size_t start = 0; start < ehlo->size();) {
    const auto end = ehlo->find('\n', start);
    const std::string keyword = to_ascii_upper(ehlo->substr(start + 4, end - start - 4));
    if (keyword == "STARTTLS") probe.starttls_offered = true;
    start = end + 1;
  }
  if (!probe.starttls_offered) {
    dialogue.send_line("QUIT");
    return probe;
  }
  dialogue.send_line("STARTTLS");
  const auto ready = dialogue.reply(error);
  if (!ready || !ready->starts_with("220")) {
    probe.tls_error = ready
                          ? fmt::format("STARTTLS refused: {}", ready->substr(0, ready->find('\n')))
                          : "STARTTLS: " + error;
    return probe;
  }
  if (dialogue.has_leftover()) {
    probe.tls_error = "the server sent data after its STARTTLS reply, before the handshake";
    return probe;
  }
  std::unique_ptr<SSL_CTX, void (*)(SSL_CTX*)> context(SSL_CTX_new(TLS_client_method()),
                                                       SSL_CTX_free);
  if (!context) {
    probe.tls_error = last_tls_error();
    return probe;
  }
  if (limits.ca_file.empty()) {
    SSL_CTX_set_default_verify_paths(context.get());
  } else if (SSL_CTX_load_verify_locations(context.get(), limits.ca_file.c_str(), nullptr) != 1) {
    probe.tls_error = fmt::format("the CA file {} cannot be read", limits.ca_file);
    return probe;
  }
  // The chain is judged after the handshake (SSL_get_verify_result), so that an untrusted
  // certificate is reported as such, with its names, instead of as a failed handshake.
  SSL_CTX_set_verify(context.get(), SSL_VERIFY_NONE, nullptr);
  std::unique_ptr<SSL, void (*)(SSL*)> ssl(SSL_new(context.get()), SSL_free);
  std::string host = exchange;
  if (host.ends_with('.')) host.pop_back();
  SSL_set_tlsext_host_name(ssl.get(), host.c_str());
  SSL_set_fd(ssl.get(), fd);
  // A blocking handshake bounded by the socket's own timeouts.
  const int flags = fcntl(fd, F_GETFL);
  fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
  timeval timeout{};
  timeout.tv_sec = timeout_ms / 1000;
  timeout.tv_usec = (timeout_ms % 1000) * 1000;
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
  ERR_clear_error();
  if (SSL_connect(ssl.get()) != 1) {
    probe.tls_error = last_tls_error();
    return probe;
  }
  probe.tls = true;
  X509* certificate = SSL_get_peer_certificate(ssl.get());
  if (certificate != nullptr) {
    probe.names = certificate_names(certificate);
    X509_free(certificate);
  } else {
    probe.verify_error = "no certificate";
  }
  const long verified = SSL_get_verify_result(ssl.get());
  if (verified != X509_V_OK && probe.verify_error.empty())
    probe.verify_error = X509_verify_cert_error_string(verified);
  dialogue.use_tls(ssl.get());
  dialogue.send_line("QUIT");
  SSL_shutdown(ssl.get());
  return probe;
}

}  // namespace dnslint::live
