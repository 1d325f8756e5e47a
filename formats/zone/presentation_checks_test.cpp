#include "formats/zone/presentation_checks.hpp"

#include <doctest/doctest.h>

#include <vector>

namespace dnslint {
namespace {

// The problem with the rdata `text` of a `type` record, or "" for none.
std::string problem(std::string_view type, std::string_view text) {
  ZoneScanner scanner(text);
  Entry entry;
  std::vector<ScanError> errors;
  REQUIRE(scanner.next(entry, errors));
  REQUIRE(errors.empty());
  const auto found = check_presentation(*type_from_name(type), entry.tokens);
  return found ? found->message : "";
}

}  // namespace

TEST_CASE("NSEC, NSEC3 and NXT type lists name record types") {
  CHECK(problem("NSEC", "next.example. A RRSIG NSEC TYPE65535 type1").empty());
  CHECK(problem("NSEC", "next.example. A TYPE65536").find("not a record type") !=
        std::string::npos);
  CHECK(problem("NSEC", "next.example. A BOGUS").find("'BOGUS'") != std::string::npos);
  // BIND refuses an NSEC without types; an NSEC3 without types is an empty non-terminal.
  CHECK(problem("NSEC", "next.example.").find("needs the types") != std::string::npos);
  CHECK(problem("NXT", "next.example. A MX NXT").empty());
  // BIND takes NXT types as numbers up to 127, the bitmap's last (RFC 2535 §5.2).
  CHECK(problem("NXT", ". 127").empty());
  CHECK(problem("NXT", ". A 1 99").empty());
  CHECK(problem("NXT", ". 128").find("not a record type") != std::string::npos);
  CHECK(problem("NSEC", "next.example. 127").find("not a record type") != std::string::npos);
  CHECK(problem("NSEC3", "1 0 10 76931F IMQ912BREQP1POLAH3RMONGUED541AS0").empty());
}

TEST_CASE("NSEC3 next hashed owner: unpadded base32hex of the hash's length") {
  CHECK(problem("NSEC3", "1 0 10 76931F IMQ912BREQP1POLAH3RMONGUED541AS0 A RRSIG").empty());
  CHECK(problem("NSEC3", "1 0 10 - imq912breqp1polah3rmongued541as0 A").empty());
  // BIND's bad-nsec3-length: a comment cut the hash to 23 digits.
  CHECK(problem("NSEC3", "1 0 10 76931F IMQ912BREQP1POLAH3RMONG").find("is 14 octets") !=
        std::string::npos);
  CHECK(problem("NSEC3", "1 1 12 aabbccdd CPNMU=== MX").find("not unpadded base32hex") !=
        std::string::npos);
  CHECK(problem("NSEC3", "1 0 10 76931F IMQ912BREQP1POLAH3RMONGUED541A").find("base32hex") !=
        std::string::npos);
  CHECK(problem("NSEC3", "1 0 10 76931F IMQ912BREQP1POLAH3RMONGUED541AW").find("base32hex") !=
        std::string::npos);
  // Other algorithms have other lengths (BIND's good-nsec3-nopadhash).
  CHECK(problem("NSEC3", "2 1 12 aabbccdd CPNMU MX DNSKEY NS").empty());
  CHECK_FALSE(check_nsec3_owner_label("cpnmu"));
  CHECK(check_nsec3_owner_label("cpnmu===")->find("unpadded base32hex") != std::string::npos);
  CHECK(check_nsec3_owner_label("x_y"));
}

TEST_CASE("NSAP: 0x and whole octets, dots anywhere") {
  CHECK(problem("NSAP", "0x47.0005.80.005a00.0000....0001.e133.ffffff000162.00").empty());
  CHECK(problem("NSAP", "0X47").empty());
  CHECK(problem("NSAP", "0x").find("0 hex digits") != std::string::npos);
  CHECK(problem("NSAP", "0x47000580005a0000000001e133ffffff000161000").find("41 hex digits") !=
        std::string::npos);
  CHECK(problem("NSAP", "47").find("does not start with 0x") != std::string::npos);
  CHECK(problem("NSAP", "0x4g").find("not a hex digit") != std::string::npos);
}

TEST_CASE("EUI48 and EUI64: two-digit groups joined by hyphens") {
  CHECK(problem("EUI48", "01-23-45-67-89-ab").empty());
  CHECK(problem("EUI64", "01-23-45-67-89-ab-cd-ef").empty());
  CHECK(problem("EUI48", "1-23-45-67-89-ab").find("six two-digit") != std::string::npos);
  CHECK(problem("EUI48", "001-23-45-67-89-ab").find("RFC 7043 §3.2") != std::string::npos);
  CHECK(problem("EUI64", "01-23-45-67-89-ab-cd").find("eight two-digit") != std::string::npos);
  CHECK_FALSE(problem("EUI48", "01-23-45-67-89-ab-").empty());
}

TEST_CASE("NAPTR regexp: three delimiters, flag i, existing groups") {
  CHECK(problem("NAPTR", R"(100 10 "u" "E2U+sip" "!^.*$!sip:info@example.com!" .)").empty());
  CHECK(problem("NAPTR", R"(100 10 "u" "E2U+sip" "!^(.*)$!sip:\\1@example.com!i" .)").empty());
  CHECK(problem("NAPTR", R"(100 10 "" "" "" _sip._udp.example.com.)").empty());
  CHECK(problem("NAPTR", R"(100 10 "u" "E2U+sip" "/a\\/b/c/" .)").empty());
  CHECK(problem("NAPTR", R"(100 10 "u" "E2U+sip" "!^.*$!sip:info@example.com" .)")
            .find("needs three '!'") != std::string::npos);
  CHECK(problem("NAPTR", R"(100 10 "u" "E2U+sip" "!^.*$!sip:\\1@example.com!" .)")
            .find("group \\1 of a pattern with 0 groups") != std::string::npos);
  CHECK(problem("NAPTR", R"(100 10 "u" "E2U+sip" "!^([(])$!\\2!" .)").find("with 1 groups") !=
        std::string::npos);
  CHECK(problem("NAPTR", R"(100 10 "u" "E2U+sip" "!^(.*)$!sip:\\1!x" .)").find("other than 'i'") !=
        std::string::npos);
  CHECK(problem("NAPTR", R"(100 10 "u" "E2U+sip" "1a1b1" .)").find("delimiter") !=
        std::string::npos);
}

TEST_CASE("SVCB and HTTPS parameters (RFC 9460)") {
  // BIND's good-svcb.
  for (std::string_view good :
       {"0 example.net.", R"(1 . port=60 alpn=h3 ech="ZWFzdGVyIGVnZyE=")",
        "2 . no-default-alpn alpn=alpn", R"(3 . ipv4hint="10.10.10.10")",
        R"(5 . key9999="something")", "6 . mandatory=port,alpn port=60 alpn=h3",
        R"(8 . mandatory=port,alpn port=60 alpn="h1\\,h2,h3")",
        R"(7 . alpn="h2,h3" dohpath=/{?dns})", "1 . key123", "1 . mandatory=key3 port=5",
        "0 . port=5"}) {
    CAPTURE(good);
    CHECK(problem("SVCB", good).empty());
  }
  CHECK(problem("HTTPS", "1 . no-default-alpn alpn=h2").empty());
  // BIND's bad-svcb-alpn1..3: a zone-file "\," is a separator of the list.
  CHECK(problem("SVCB", R"(1 . alpn=\,abc)").find("protocol id of 0 octets") != std::string::npos);
  CHECK(problem("SVCB", R"(1 . alpn=a\,\,abc)").find("0 octets") != std::string::npos);
  CHECK(problem("SVCB", R"(1 . alpn=abc\,)").find("0 octets") != std::string::npos);
  CHECK(problem("SVCB", "0 . mandatory=alpn").find("no such parameter") != std::string::npos);
  CHECK(problem("SVCB", "1 . mandatory=mandatory").find("itself") != std::string::npos);
  CHECK(problem("SVCB", "1 . mandatory=port,port port=1").find("twice") != std::string::npos);
  CHECK(problem("SVCB", "1 . mandatory=bogus").find("not a parameter key") != std::string::npos);
  CHECK(problem("SVCB", "1 . port=1 port=2").find("given twice") != std::string::npos);
  CHECK(problem("SVCB", "1 . port=1 key3=2").find("given twice") != std::string::npos);
  CHECK(problem("SVCB", "1 . key01=x").find("not an SVCB parameter key") != std::string::npos);
  CHECK(problem("SVCB", "1 . PORT=5").find("not an SVCB parameter key") != std::string::npos);
  CHECK(problem("SVCB", "1 . alpn").find("needs a value") != std::string::npos);
  CHECK(problem("SVCB", "1 . port").find("needs a value") != std::string::npos);
  CHECK(problem("SVCB", "1 . no-default-alpn").find("without alpn") != std::string::npos);
  CHECK(problem("SVCB", "1 . no-default-alpn=x alpn=h2").find("takes no value") !=
        std::string::npos);
}

TEST_CASE("MD and MF are refused, the other retired types are read") {
  CHECK(is_refused_obsolete_type(*type_from_name("MD")));
  CHECK(is_refused_obsolete_type(*type_from_name("MF")));
  CHECK_FALSE(is_refused_obsolete_type(*type_from_name("MB")));
  CHECK_FALSE(is_refused_obsolete_type(*type_from_name("NXT")));
}

}  // namespace dnslint
