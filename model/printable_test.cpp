#include "model/printable.hpp"

#include <doctest/doctest.h>

namespace dnslint {

TEST_CASE("printable text: UTF-8 stays, control characters and stray bytes are escaped") {
  CHECK(is_printable("MX 10 mail.example.com."));
  CHECK(is_printable("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"));  // é € 😀
  CHECK(printable("caf\xC3\xA9") == "caf\xC3\xA9");
  CHECK_FALSE(is_printable("a\tb"));
  CHECK(printable("a\tb\nc\rd") == "a\\tb\\nc\\rd");
  CHECK(printable(std::string_view("x\0y", 3)) == "x\\x00y");
  CHECK(printable("\x7F") == "\\x7F");
  CHECK(printable("\xC2\x85") == "\\xC2\\x85");  // NEL, a C1 control
  // Latin-1 where UTF-8 belongs, a lone continuation byte, a truncated sequence.
  CHECK(printable("m\xE9x") == "m\\xE9x");
  CHECK(printable("\x80") == "\\x80");
  CHECK(printable("\xE2\x82") == "\\xE2\\x82");
  // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8 (RFC 3629 §3).
  CHECK(printable("\xC0\xAF") == "\\xC0\\xAF");
  CHECK(printable("\xED\xA0\x80") == "\\xED\\xA0\\x80");
  CHECK(printable("\xF4\x90\x80\x80") == "\\xF4\\x90\\x80\\x80");
  CHECK(is_printable(printable("\xFF\x01\n")));
}

}  // namespace dnslint
