// One HTTPS GET, as RFC 8461 §3.3 has senders fetch an MTA-STS policy: HTTP/1.0 (no chunked
// body), the certificate checked for the host, no redirect followed.
#pragma once

#include <string>

#include "live/network.hpp"

namespace dnslint::live {

HttpsFetch fetch_https(const Endpoint& server, const std::string& host, const std::string& path,
                       std::size_t limit, const Limits& limits);

// Reads an HTTP/1.x response (status line, headers, body) into `fetch`; false when it is none.
bool read_http_response(std::string_view response, HttpsFetch& fetch);

}  // namespace dnslint::live
