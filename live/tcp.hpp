// TCP connections with timeouts, and TLS over them (OpenSSL): what the SMTP dialogue and the
// HTTPS fetch share.
#pragma once

#include <openssl/ssl.h>

#include <memory>
#include <string>
#include <vector>

#include "live/network.hpp"

namespace dnslint::live {

// A socket closed when it goes.
class Socket {
 public:
  explicit Socket(int fd) : fd_(fd) {}
  ~Socket();
  Socket(const Socket&) = delete;
  Socket& operator=(const Socket&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

// Connects to `server` within `timeout_ms`: the connected socket, or -1 with `outcome`
// (refused, timeout, failed) and `error` set.
int connect_tcp(const Endpoint& server, int timeout_ms, Outcome& outcome, std::string& error);

// Waits until `fd` is ready for `events` (poll) or `milliseconds` pass; false on timeout.
bool wait_for(int fd, short events, int milliseconds);

// Makes `fd` blocking, each read and write bounded by `timeout_ms` (for OpenSSL's I/O).
void block_with_timeouts(int fd, int timeout_ms);

using TlsContext = std::unique_ptr<SSL_CTX, void (*)(SSL_CTX*)>;
using TlsSession = std::unique_ptr<SSL, void (*)(SSL*)>;

// A client context trusting `ca_file` (PEM), or the system's certificates when it is empty;
// null with `error` set when the file cannot be read. The chain is judged after the handshake
// (SSL_get_verify_result), so that an untrusted certificate is reported as such.
TlsContext tls_client_context(const std::string& ca_file, std::string& error);

// The last OpenSSL error of this thread, as text.
std::string last_tls_error();

// The DNS names of the peer's certificate: its subjectAltName dNSNames, else its subject's CN
// (RFC 6125 §6.4.4).
std::vector<std::string> peer_certificate_names(SSL* ssl);

// Why the peer's certificate is not trusted, or "".
std::string peer_verify_error(SSL* ssl);

}  // namespace dnslint::live
