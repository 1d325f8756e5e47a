#include "linter/reports/json_writer.hpp"

#include <doctest/doctest.h>

namespace dnslint {

TEST_CASE("json_quote escapes control characters and repairs invalid UTF-8") {
  CHECK(json_quote("plain") == "\"plain\"");
  CHECK(json_quote("a\"b\\c\n") == "\"a\\\"b\\\\c\\n\"");
  CHECK(json_quote(std::string("\x01", 1)) == "\"\\u0001\"");
  CHECK(json_quote("caf\xc3\xa9") == "\"caf\xc3\xa9\"");
  CHECK(json_quote("bad\xff") == "\"bad\\ufffd\"");
  CHECK(json_quote("\xed\xa0\x80") == "\"\\ufffd\\ufffd\\ufffd\"");  // a UTF-16 surrogate
}

TEST_CASE("JsonWriter writes nested containers with commas in the right places") {
  JsonWriter json(0);
  json.begin_object().key("a").value(1).key("b").begin_array().value("x").value(true).end_array();
  json.key("c").begin_object().end_object().end_object();
  CHECK(json.str() == R"({"a":1,"b":["x",true],"c":{}})");
}

TEST_CASE("JsonWriter hands over its document with a final newline") {
  JsonWriter json(0);
  json.reserve(1 << 20);
  json.begin_array().value(1).end_array();
  CHECK(json.take_document() == "[1]\n");
}

}  // namespace dnslint
