// DKIM keys as verifiers read them, with keys made by OpenSSL for these tests.
#include "rules/dkim_key.hpp"

#include <doctest/doctest.h>

namespace dnslint {
namespace {

// `openssl genrsa 1024 | openssl rsa -pubout -outform DER | base64`.
constexpr std::string_view kRsa1024 =
    "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQCk5vodUI8N+6QwDClSVyKy85sYaDN+RjiF/oCEMATfW2S4v/ztIr8v"
    "kND1L6mkN8IfnyaZ2B+lWpglanfSs5r2G6qgnS2CITqxLRvCJ7U8uXUzzlUhThZW28pBHf+qbdtL71c12k3vn7BDpKmo"
    "GAVyhZcxyUVgejzEWDJ1QuKaCwIDAQAB";
// RFC 8463 Appendix A.2's Ed25519 key.
constexpr std::string_view kEd25519 = "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=";

TEST_CASE("an RSA SubjectPublicKeyInfo gives its size, also with white space inside") {
  const auto key = decode_dkim_key("rsa", kRsa1024);
  REQUIRE(std::holds_alternative<DkimKey>(key));
  CHECK(std::get<DkimKey>(key).rsa);
  CHECK(std::get<DkimKey>(key).bits == 1024);
  const std::string spaced =
      std::string(kRsa1024.substr(0, 40)) + " \t" + std::string(kRsa1024.substr(40));
  CHECK(std::holds_alternative<DkimKey>(decode_dkim_key("rsa", spaced)));
}

TEST_CASE("an Ed25519 key is 32 octets") {
  const auto key = decode_dkim_key("ed25519", kEd25519);
  REQUIRE(std::holds_alternative<DkimKey>(key));
  CHECK_FALSE(std::get<DkimKey>(key).rsa);
  CHECK(std::holds_alternative<std::string>(decode_dkim_key("ed25519", kRsa1024)));
}

TEST_CASE("a key cut short, bad base64 and unknown key types are problems") {
  CHECK(std::holds_alternative<std::string>(decode_dkim_key("rsa", kRsa1024.substr(0, 100))));
  CHECK(std::holds_alternative<std::string>(decode_dkim_key("rsa", kRsa1024.substr(0, 101))));
  CHECK(std::holds_alternative<std::string>(decode_dkim_key("rsa", "MIGf*A0G")));
  CHECK(std::holds_alternative<std::string>(decode_dkim_key("rsa", "QUJD=A==")));
  CHECK(std::holds_alternative<std::string>(decode_dkim_key("dsa", kRsa1024)));
  CHECK(std::holds_alternative<std::string>(decode_dkim_key("rsa", kEd25519)));
}

}  // namespace
}  // namespace dnslint
