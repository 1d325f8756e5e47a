#include "linter/lsp/lsp_messages.hpp"

#include <doctest/doctest.h>

#include <sstream>

namespace dnslint {
namespace {

TEST_CASE("UTF-16 positions: BMP characters count one unit, others two") {
  const std::string_view line = "; café ☕ 𝄞 x";  // é 2 bytes, ☕ 3, 𝄞 4
  CHECK(byte_of_utf16(line, 5) == 5);
  CHECK(byte_of_utf16(line, 6) == 7);    // after é
  CHECK(byte_of_utf16(line, 8) == 11);   // after ☕
  CHECK(byte_of_utf16(line, 11) == 16);  // after 𝄞, two units
  CHECK(byte_of_utf16(line, 100) == line.size());
  CHECK(utf16_of_byte(line, 16) == 11);
  CHECK(utf16_of_byte(line, 7) == 6);
  for (std::uint32_t unit : {0u, 3u, 6u, 8u, 9u, 11u, 13u}) {
    CHECK(utf16_of_byte(line, byte_of_utf16(line, unit)) == unit);
  }
}

TEST_CASE("an LSP position is an offset into the text, CRLF lines too") {
  const std::string_view text = "ab\r\nc☕d\nlast";
  CHECK(offset_of_position(text, 0, 1) == 1);
  CHECK(offset_of_position(text, 0, 9) == 2);  // clamped before the CR
  CHECK(offset_of_position(text, 1, 2) == 4 + 4);
  CHECK(offset_of_position(text, 2, 4) == text.size());
  CHECK(offset_of_position(text, 7, 0) == text.size());
}

TEST_CASE("messages are framed by Content-Length, whatever else the header holds") {
  std::istringstream in(
      "Content-Length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}"
      "content-length:3\r\n\r\n[1]"
      "Content-Length: x\r\n\r\n"
      "Content-Length: 99999\r\n\r\n{}");
  std::string body;
  CHECK(read_message(in, body, 1000) == ReadStatus::message);
  CHECK(body == "{}");
  CHECK(read_message(in, body, 1000) == ReadStatus::message);
  CHECK(body == "[1]");
  CHECK(read_message(in, body, 1000) == ReadStatus::bad_header);
  CHECK(read_message(in, body, 1000) == ReadStatus::end);  // too large, and cut short
  std::ostringstream out;
  write_message(out, "{\"a\":1}");
  CHECK(out.str() == "Content-Length: 7\r\n\r\n{\"a\":1}");
}

TEST_CASE("file URIs and paths, percent-encoded both ways") {
  CHECK(path_of_uri("file:///srv/zones/a%20b.zone") == "/srv/zones/a b.zone");
  CHECK(path_of_uri("file://localhost/srv/x.zone") == "/srv/x.zone");
  CHECK_FALSE(path_of_uri("file://otherhost/srv/x.zone"));
  CHECK_FALSE(path_of_uri("untitled:Untitled-1"));
  CHECK(uri_of_path("/srv/zones/a b#1.zone") == "file:///srv/zones/a%20b%231.zone");
  CHECK(path_of_uri(uri_of_path("/tmp/ünï code.zone")) == "/tmp/ünï code.zone");
}

}  // namespace
}  // namespace dnslint
