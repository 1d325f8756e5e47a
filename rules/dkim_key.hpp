// The public key of a DKIM key record's p= tag, decoded as verifiers decode it: base64 of a
// DER SubjectPublicKeyInfo (or bare RSAPublicKey) for k=rsa (RFC 6376 §3.6.1), the raw 32-octet
// key for k=ed25519 (RFC 8463 §4.2). OpenSSL's libcrypto parses the DER.
#pragma once

#include <string>
#include <string_view>
#include <variant>

namespace dnslint {

struct DkimKey {
  bool rsa = true;  // else Ed25519
  int bits = 0;
};

// The key, or what is wrong with it. `key_type` is k=, lower case ("rsa" when absent).
std::variant<DkimKey, std::string> decode_dkim_key(std::string_view key_type,
                                                   std::string_view base64);

}  // namespace dnslint
