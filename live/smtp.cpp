#include "live/smtp.hpp"

#include <arpa/inet.h>
#include <fmt/format.h>
#include <openssl/err.h>
#include <poll.h>
#include <sys/socket.h>

#include "live/tcp.hpp"
#include "model/ascii.hpp"

namespace dnslint::live {
namespace {

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
  const int fd = connect_tcp(server, timeout_ms, probe.outcome, probe.error);
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
  std::string error_text;
  const TlsContext context = tls_client_context(limits.ca_file, error_text);
  if (!context) {
    probe.tls_error = error_text;
    return probe;
  }
  TlsSession ssl(SSL_new(context.get()), SSL_free);
  std::string host = exchange;
  if (host.ends_with('.')) host.pop_back();
  SSL_set_tlsext_host_name(ssl.get(), host.c_str());
  SSL_set_fd(ssl.get(), fd);
  block_with_timeouts(fd, timeout_ms);
  ERR_clear_error();
  if (SSL_connect(ssl.get()) != 1) {
    probe.tls_error = last_tls_error();
    return probe;
  }
  probe.tls = true;
  probe.names = peer_certificate_names(ssl.get());
  probe.verify_error = peer_verify_error(ssl.get());
  dialogue.use_tls(ssl.get());
  dialogue.send_line("QUIT");
  SSL_shutdown(ssl.get());
  return probe;
}

}  // namespace dnslint::live
