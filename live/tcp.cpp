#include "live/tcp.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <netinet/in.h>
#include <openssl/err.h>
#include <openssl/x509v3.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace dnslint::live {

Socket::~Socket() {
  if (fd_ >= 0) close(fd_);
}

bool wait_for(int fd, short events, int milliseconds) {
  pollfd entry{fd, events, 0};
  return poll(&entry, 1, milliseconds) > 0;
}

int connect_tcp(const Endpoint& server, int timeout_ms, Outcome& outcome, std::string& error) {
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
    outcome = Outcome::failed;
    error = fmt::format("'{}' is no IP address", server.address);
    return -1;
  }
  const int fd = socket(address.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) {
    outcome = Outcome::failed;
    error = std::strerror(errno);
    return -1;
  }
  int status = 0;
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), length) != 0) status = errno;
  if (status == EINPROGRESS) {
    if (!wait_for(fd, POLLOUT, timeout_ms)) {
      close(fd);
      outcome = Outcome::timeout;
      error = fmt::format("no connection within {} ms", timeout_ms);
      return -1;
    }
    socklen_t size = sizeof status;
    getsockopt(fd, SOL_SOCKET, SO_ERROR, &status, &size);
  }
  if (status != 0) {
    close(fd);
    outcome = status == ECONNREFUSED ? Outcome::refused : Outcome::failed;
    error = status == ECONNREFUSED ? "connection refused" : std::strerror(status);
    return -1;
  }
  return fd;
}

void block_with_timeouts(int fd, int timeout_ms) {
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  timeval timeout{};
  timeout.tv_sec = timeout_ms / 1000;
  timeout.tv_usec = (timeout_ms % 1000) * 1000;
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
}

TlsContext tls_client_context(const std::string& ca_file, std::string& error) {
  TlsContext context(SSL_CTX_new(TLS_client_method()), SSL_CTX_free);
  if (!context) {
    error = last_tls_error();
    return context;
  }
  if (ca_file.empty()) {
    SSL_CTX_set_default_verify_paths(context.get());
  } else if (SSL_CTX_load_verify_locations(context.get(), ca_file.c_str(), nullptr) != 1) {
    error = fmt::format("the CA file {} cannot be read", ca_file);
    return TlsContext(nullptr, SSL_CTX_free);
  }
  SSL_CTX_set_verify(context.get(), SSL_VERIFY_NONE, nullptr);
  return context;
}

std::string last_tls_error() {
  const unsigned long code = ERR_get_error();
  if (code == 0) return "the connection closed during the handshake";
  char text[256];
  ERR_error_string_n(code, text, sizeof text);
  return text;
}

std::vector<std::string> peer_certificate_names(SSL* ssl) {
  std::vector<std::string> names;
  X509* certificate = SSL_get_peer_certificate(ssl);
  if (certificate == nullptr) return names;
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
  X509_free(certificate);
  return names;
}

std::string peer_verify_error(SSL* ssl) {
  X509* certificate = SSL_get_peer_certificate(ssl);
  if (certificate == nullptr) return "no certificate";
  X509_free(certificate);
  const long verified = SSL_get_verify_result(ssl);
  return verified == X509_V_OK ? std::string() : X509_verify_cert_error_string(verified);
}

}  // namespace dnslint::live
