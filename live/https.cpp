#include "live/https.hpp"

#include <fmt/format.h>
#include <openssl/err.h>
#include <openssl/x509v3.h>

#include <charconv>

#include "live/tcp.hpp"
#include "model/ascii.hpp"

namespace dnslint::live {

bool read_http_response(std::string_view response, HttpsFetch& fetch) {
  const auto head_end = response.find("\r\n\r\n");
  if (!response.starts_with("HTTP/1.") || head_end == std::string_view::npos) return false;
  const std::string_view head = response.substr(0, head_end);
  const auto first_end = head.find("\r\n");
  const std::string_view status_line = head.substr(0, first_end);
  // "HTTP/1.1 200 OK"
  if (status_line.size() < 12 || status_line[8] != ' ') return false;
  const auto [end, error] =
      std::from_chars(status_line.data() + 9, status_line.data() + 12, fetch.status);
  if (error != std::errc() || end != status_line.data() + 12) return false;
  for (std::size_t start = first_end == std::string_view::npos ? head.size() : first_end + 2;
       start < head.size();) {
    auto line_end = head.find("\r\n", start);
    if (line_end == std::string_view::npos) line_end = head.size();
    const std::string_view line = head.substr(start, line_end - start);
    start = line_end + 2;
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string name = to_ascii_lower(line.substr(0, colon));
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
      value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
    if (name == "content-type") fetch.content_type = value;
    if (name == "location") fetch.location = value;
  }
  fetch.body = response.substr(head_end + 4);
  return true;
}

HttpsFetch fetch_https(const Endpoint& server, const std::string& host, const std::string& path,
                       std::size_t limit, const Limits& limits) {
  HttpsFetch fetch;
  const int timeout_ms = static_cast<int>(limits.timeout_ms);
  const int fd = connect_tcp(server, timeout_ms, fetch.outcome, fetch.error);
  if (fd < 0) return fetch;
  Socket socket_guard(fd);
  const TlsContext context = tls_client_context(limits.ca_file, fetch.error);
  if (!context) {
    fetch.outcome = Outcome::failed;
    return fetch;
  }
  TlsSession ssl(SSL_new(context.get()), SSL_free);
  SSL_set_tlsext_host_name(ssl.get(), host.c_str());
  // The name the certificate must hold (RFC 6125): OpenSSL checks it with the chain.
  X509_VERIFY_PARAM_set1_host(SSL_get0_param(ssl.get()), host.c_str(), host.size());
  SSL_set_fd(ssl.get(), fd);
  block_with_timeouts(fd, timeout_ms);
  ERR_clear_error();
  if (SSL_connect(ssl.get()) != 1) {
    fetch.outcome = Outcome::failed;
    fetch.error = "TLS: " + last_tls_error();
    return fetch;
  }
  fetch.verify_error = peer_verify_error(ssl.get());
  const std::string request =
      fmt::format("GET {} HTTP/1.0\r\nHost: {}\r\nUser-Agent: dnslint\r\nConnection: close\r\n\r\n",
                  path, host);
  if (SSL_write(ssl.get(), request.data(), static_cast<int>(request.size())) <= 0) {
    fetch.outcome = Outcome::failed;
    fetch.error = "TLS: " + last_tls_error();
    return fetch;
  }
  // The headers, and the body up to one byte over the limit.
  constexpr std::size_t kHeaderRoom = 16384;
  std::string response;
  char chunk[8192];
  for (;;) {
    const int got = SSL_read(ssl.get(), chunk, sizeof chunk);
    if (got <= 0) break;
    response.append(chunk, static_cast<std::size_t>(got));
    if (response.size() > limit + kHeaderRoom + 1) break;
  }
  if (!read_http_response(response, fetch)) {
    fetch.outcome = Outcome::failed;
    fetch.error = response.empty() ? "no HTTP response" : "the response is no HTTP/1.x response";
    return fetch;
  }
  if (fetch.body.size() > limit + 1) fetch.body.resize(limit + 1);
  SSL_shutdown(ssl.get());
  return fetch;
}

}  // namespace dnslint::live
