#include "model/address.hpp"

#include <doctest/doctest.h>

namespace dnslint {

TEST_CASE("IPv4 addresses are strict dotted quads") {
  CHECK(parse_ipv4("192.0.2.1") == 0xc0000201u);
  CHECK_FALSE(parse_ipv4("192.0.2.300"));
  CHECK_FALSE(parse_ipv4("192.0.2"));
  CHECK_FALSE(parse_ipv4("192.0.2.1.5"));
  CHECK_FALSE(parse_ipv4("1234.0.2.1"));
  CHECK_FALSE(parse_ipv4(""));
}

TEST_CASE("address literals are recognised in every form an MX might hold") {
  CHECK(looks_like_address_literal("192.0.2.1"));
  CHECK(looks_like_address_literal("192.0.2.1."));
  CHECK(looks_like_address_literal("2001:db8::1"));
  CHECK(looks_like_address_literal("[192.0.2.1]"));
  CHECK(looks_like_address_literal("[IPv6:2001:db8::1]"));
  CHECK_FALSE(looks_like_address_literal("mail.example.com."));
  CHECK_FALSE(looks_like_address_literal("192-0-2-1.example.com."));
}

}  // namespace dnslint
