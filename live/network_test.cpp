#include "live/network.hpp"

#include <doctest/doctest.h>

#include "live/checks.hpp"
#include "live/smtp.hpp"
#include "live/wire.hpp"
#include "model/rrtype.hpp"

namespace dnslint::live {

TEST_CASE("server addresses with and without a port") {
  CHECK(parse_endpoint("192.0.2.1") == Endpoint{"192.0.2.1", 53});
  CHECK(parse_endpoint("192.0.2.1:5353") == Endpoint{"192.0.2.1", 5353});
  CHECK(parse_endpoint("2001:db8::1") == Endpoint{"2001:db8::1", 53});
  CHECK(parse_endpoint("[2001:db8::1]:5353") == Endpoint{"2001:db8::1", 5353});
  CHECK(parse_endpoint("[2001:db8::1]") == Endpoint{"2001:db8::1", 53});
  CHECK(parse_endpoint("[2001:db8::1]:5353")->text() == "[2001:db8::1]:5353");
  CHECK(parse_endpoint("192.0.2.1:53")->text() == "192.0.2.1:53");
  for (const char* bad : {"", "ns1.example.net", "192.0.2.1:0", "192.0.2.1:65536", "192.0.2.1:",
                          "[192.0.2.1]:53", "[2001:db8::1", "[2001:db8::1]53", "300.0.0.1"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_endpoint(bad));
  }
}

TEST_CASE("rcodes by their names") {
  CHECK(rcode_name(0) == "NOERROR");
  CHECK(rcode_name(3) == "NXDOMAIN");
  CHECK(rcode_name(5) == "REFUSED");
  CHECK(rcode_name(12) == "RCODE12");
}

TEST_CASE("reverse names of addresses (RFC 3596 §2.5)") {
  CHECK(reversed_address("192.0.2.1") == "1.2.0.192");
  CHECK(reversed_address("2001:db8::1") ==
        "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2");
  CHECK_FALSE(reversed_address("mail.example.net."));
}

TEST_CASE("certificate names as RFC 6125 §6.4.3 matches them") {
  CHECK(certificate_name_matches("mail.example.net", "mail.example.net."));
  CHECK(certificate_name_matches("MAIL.example.NET", "mail.example.net"));
  CHECK(certificate_name_matches("*.example.net", "mail.example.net."));
  CHECK_FALSE(certificate_name_matches("*.example.net", "a.mail.example.net."));
  CHECK_FALSE(certificate_name_matches("*.example.net", "example.net."));
  CHECK_FALSE(certificate_name_matches("m*.example.net", "mail.example.net."));
  CHECK_FALSE(certificate_name_matches("mail.example.org", "mail.example.net."));
}

TEST_CASE("records compare in canonical form: names without case, TXT byte for byte") {
  const auto upper = record_from_text("Example.COM. 300 IN MX 10 MAIL.Example.NET.").record;
  const auto lower = record_from_text("example.com. 60 IN MX 10 mail.example.net.").record;
  REQUIRE(upper);
  REQUIRE(lower);
  CHECK(upper->owner == "example.com.");
  CHECK(upper->canonical == lower->canonical);
  CHECK(upper->ttl == 300);
  const auto a = record_from_text("example.com. 300 IN TXT \"v=spf1 -all\"").record;
  const auto b = record_from_text("example.com. 300 IN TXT \"V=spf1 -all\"").record;
  CHECK(a->canonical != b->canonical);
  CHECK_FALSE(record_from_text("example.com. 300 IN A 300.1.1.1").record);
}

TEST_CASE("queries: RD for the resolver only, and the answer read back") {
  const std::string query = make_query(Question::to_resolver("example.com.", rrtype::MX), 0x1234);
  REQUIRE(query.size() > 12);
  CHECK(static_cast<unsigned char>(query[0]) == 0x12);
  CHECK((static_cast<unsigned char>(query[2]) & 0x01) == 0x01);  // RD
  const std::string authoritative =
      make_query({Asked::authoritative, {"192.0.2.1", 53}, "example.com.", rrtype::MX}, 1);
  CHECK((static_cast<unsigned char>(authoritative[2]) & 0x01) == 0);
  const auto* bytes = reinterpret_cast<const unsigned char*>(query.data());
  const auto read = read_response({bytes, query.size()});
  REQUIRE(read);
  CHECK(read->rcode == 0);
  CHECK(read->answer.empty());
  CHECK_FALSE(read_response({bytes, 5}));
}

}  // namespace dnslint::live
