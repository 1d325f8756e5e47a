#include "model/printable.hpp"

#include <doctest/doctest.h>

namespace dnslint {

TEST_CASE("is_printable finds a control character or stray byte wherever it lies") {
  const std::string plain = "MX exchange mail.example.com. is an alias (CNAME to host.) ~{}|";
  CHECK(is_printable(plain));
  CHECK(is_printable(""));
  for (std::size_t at = 0; at < plain.size(); ++at) {
    for (const char odd : {'\0', '\t', '\x1f', '\x7f', '\x80', '\xff'}) {
      std::string text = plain;
      text[at] = odd;
      CHECK_MESSAGE(!is_printable(text), "byte ", static_cast<int>(odd), " at ", at);
    }
  }
  CHECK(is_printable("d\xc3\xa9j\xc3\xa0 vu, na\xc3\xafve caf\xc3\xa9 r\xc3\xa9sum\xc3\xa9"));
  CHECK_FALSE(is_printable("sixteen bytes...\xc2\x85"));  // NEL, a C1 control
}

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
