// An SMTP dialogue with a mail exchange, far enough to judge it as a sender would: connection,
// greeting, EHLO, STARTTLS (RFC 3207) and the server's certificate, then QUIT. No mail is sent.
#pragma once

#include <string>

#include "live/network.hpp"

namespace dnslint::live {

// Each step waits `limits.timeout_ms` at most; the certificate is checked against
// `limits.ca_file` (or the system's trusted certificates) and `exchange`.
SmtpProbe probe_smtp(const Endpoint& server, const std::string& exchange, const Limits& limits);

// Whether certificate name `pattern` ("mx.example.net", "*.example.net") covers host `name`:
// RFC 6125 §6.4.3, a wildcard only as the whole left-most label, for one label. Case and a
// final dot do not count. MTA-STS `mx` patterns match the same way (RFC 8461 §4.1).
bool certificate_name_matches(std::string_view pattern, std::string_view name);

}  // namespace dnslint::live
