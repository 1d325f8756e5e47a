#include "rules/dkim_key.hpp"

#include <fmt/format.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <array>
#include <memory>
#include <optional>
#include <vector>

namespace dnslint {
namespace {

// RFC 4648 §4 base64, with the white space DKIM allows inside a tag value (RFC 6376 §3.6.1:
// p= is base64string, which admits FWS between characters) ignored.
std::optional<std::vector<unsigned char>> decode_base64(std::string_view text) {
  std::vector<unsigned char> out;
  std::uint32_t buffer = 0;
  int bits = 0;
  std::size_t symbols = 0;
  std::size_t padding = 0;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    int value = -1;
    if (c >= 'A' && c <= 'Z') value = c - 'A';
    if (c >= 'a' && c <= 'z') value = c - 'a' + 26;
    if (c >= '0' && c <= '9') value = c - '0' + 52;
    if (c == '+') value = 62;
    if (c == '/') value = 63;
    if (c == '=') {
      ++padding;
      ++symbols;
      continue;
    }
    if (value < 0 || padding > 0) return std::nullopt;
    ++symbols;
    buffer = buffer << 6 | static_cast<std::uint32_t>(value);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<unsigned char>(buffer >> bits));
    }
  }
  if (symbols % 4 != 0 || padding > 2) return std::nullopt;
  return out;
}

struct PkeyFree {
  void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};

}  // namespace

std::variant<DkimKey, std::string> decode_dkim_key(std::string_view key_type,
                                                   std::string_view base64) {
  const auto der = decode_base64(base64);
  if (!der) {
    return std::string(
        "p= is not valid base64 (a character outside A-Z a-z 0-9 + /, or a length that is not "
        "a multiple of 4: a key cut short when it was pasted)");
  }
  if (key_type == "ed25519") {
    if (der->size() != 32)
      return fmt::format("p= holds {} octets; an Ed25519 key is 32 (RFC 8463 §4.2)", der->size());
    return DkimKey{false, 256};
  }
  if (key_type != "rsa") {
    return fmt::format("k={} is not a key type verifiers know (rsa, ed25519): they ignore the key",
                       key_type);
  }
  const unsigned char* cursor = der->data();
  const auto size = static_cast<long>(der->size());
  std::unique_ptr<EVP_PKEY, PkeyFree> key(d2i_PUBKEY(nullptr, &cursor, size));
  if (!key || cursor != der->data() + der->size()) {
    cursor = der->data();
    key.reset(d2i_PublicKey(EVP_PKEY_RSA, nullptr, &cursor, size));
    if (key && cursor != der->data() + der->size()) key.reset();
  }
  if (!key) {
    return fmt::format(
        "p= ({} octets) is not a DER-encoded RSA public key: verifiers cannot read it (a key "
        "cut short, or split where a string ended, looks like this)",
        der->size());
  }
  if (EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_RSA)
    return std::string("p= holds a public key that is not RSA, while k= says rsa");
  return DkimKey{true, EVP_PKEY_get_bits(key.get())};
}

}  // namespace dnslint
