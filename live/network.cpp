#include "live/network.hpp"

#include <arpa/inet.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>

namespace dnslint::live {

std::string Endpoint::text() const {
  if (address.find(':') != std::string::npos) return fmt::format("[{}]:{}", address, port);
  return fmt::format("{}:{}", address, port);
}

namespace {

bool is_address(const std::string& text) {
  std::array<unsigned char, 16> bytes{};
  return inet_pton(AF_INET, text.c_str(), bytes.data()) == 1 ||
         inet_pton(AF_INET6, text.c_str(), bytes.data()) == 1;
}

std::optional<std::uint16_t> parse_port(std::string_view text) {
  unsigned value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value == 0 || value > 65535)
    return std::nullopt;
  return static_cast<std::uint16_t>(value);
}

}  // namespace

std::optional<Endpoint> parse_endpoint(std::string_view text) {
  Endpoint endpoint;
  if (text.starts_with('[')) {
    const auto close = text.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    endpoint.address = std::string(text.substr(1, close - 1));
    const std::string_view rest = text.substr(close + 1);
    if (!rest.empty()) {
      if (!rest.starts_with(':')) return std::nullopt;
      auto port = parse_port(rest.substr(1));
      if (!port) return std::nullopt;
      endpoint.port = *port;
    }
    if (endpoint.address.find(':') == std::string::npos) return std::nullopt;
  } else if (std::count(text.begin(), text.end(), ':') == 1) {
    const auto colon = text.find(':');
    endpoint.address = std::string(text.substr(0, colon));
    auto port = parse_port(text.substr(colon + 1));
    if (!port) return std::nullopt;
    endpoint.port = *port;
  } else {
    endpoint.address = std::string(text);
  }
  if (!is_address(endpoint.address)) return std::nullopt;
  return endpoint;
}

std::string rcode_name(std::uint8_t rcode) {
  static constexpr std::array<std::string_view, 11> kNames{
      "NOERROR",  "FORMERR", "SERVFAIL", "NXDOMAIN", "NOTIMP", "REFUSED",
      "YXDOMAIN", "YXRRSET", "NXRRSET",  "NOTAUTH",  "NOTZONE"};
  if (rcode < kNames.size()) return std::string(kNames[rcode]);
  return fmt::format("RCODE{}", rcode);
}

std::string failure_text(const Answer& answer) {
  if (answer.outcome != Outcome::answered) return answer.error;
  return rcode_name(answer.rcode);
}

}  // namespace dnslint::live
