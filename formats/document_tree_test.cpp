#include "formats/document_tree.hpp"

#include <doctest/doctest.h>

#include <string>

namespace dnslint {

TEST_CASE("JSON nodes keep byte positions, duplicate keys and numbers as written") {
  const auto parsed = parse_json(
      "{\n  \"a\": \"x\\\"y\",\n  \"n\": 123456789012345678901234567890,\n  \"a\": [true, null]\n}",
      7);
  REQUIRE_FALSE(parsed.error);
  const DocumentTree& tree = parsed.tree;
  REQUIRE(tree.roots.size() == 1);
  const NodeId root = tree.roots[0];
  CHECK(tree[root].location.line == 1);
  CHECK(tree[root].location.end_line == 5);
  const auto entries = tree.entries(root);
  REQUIRE(entries.size() == 3);  // both "a" keys survive, in order
  const TreeNode& first = tree[entries[0].second];
  CHECK(first.text == "x\"y");
  CHECK(first.location.file == 7);
  CHECK(first.location.line == 2);
  CHECK(first.location.column == 8);
  CHECK(first.location.end_column == 14);
  CHECK(tree[entries[1].second].text == "123456789012345678901234567890");
  CHECK(tree[entries[1].second].kind == TreeNode::Kind::number);
  CHECK(tree.is_sequence(entries[2].second));
  CHECK(tree.get(root, "a") == entries[0].second);  // lookups take the first
}

TEST_CASE("invalid JSON is an error at its line and column, with what was read before") {
  auto parsed = parse_json("{\"a\": 1,\n \"b\": }", 0);
  REQUIRE(parsed.error);
  CHECK(parsed.error->line == 2);
  CHECK(parsed.error->column == 7);
  CHECK(parsed.error->message.starts_with("invalid JSON"));

  parsed = parse_json("{\"a\": \"\xff\"}", 0);
  REQUIRE(parsed.error);  // invalid UTF-8

  parsed = parse_json(std::string("{\"a\": 1}\0{}", 11), 0);
  REQUIRE(parsed.error);
  CHECK(parsed.error->message == "invalid JSON: NUL byte");
}

TEST_CASE("nesting beyond the limit is an error, not a stack overflow") {
  const std::string deep = std::string(100'000, '[') + std::string(100'000, ']');
  auto parsed = parse_json(deep, 0);
  REQUIRE(parsed.error);
  CHECK(parsed.error->message == "JSON nested deeper than 512 levels");

  std::string yaml;
  for (int i = 0; i < 100'000; ++i) yaml += '[';
  parsed = parse_yaml(yaml, 0);
  REQUIRE(parsed.error);
}

TEST_CASE("YAML keeps tags, duplicate keys, marks and merge keys") {
  const auto parsed = parse_yaml(
      "base: &base\n"
      "  ttl: 300\n"
      "www:\n"
      "  <<: *base\n"
      "  type: A\n"
      "  value: !Ref Address\n"
      "www: {type: AAAA}\n"
      "quoted: \"10\"\n",
      3);
  REQUIRE_FALSE(parsed.error);
  const DocumentTree& tree = parsed.tree;
  const NodeId root = tree.roots.at(0);
  const NodeId www = tree.get(root, "www");
  CHECK(tree.scalar(www, "ttl") == "300");  // through the merge key
  CHECK(tree.scalar(www, "type") == "A");
  const NodeId value = tree.get(www, "value");
  CHECK(tree[value].tag == "!Ref");
  CHECK(tree[value].location.line == 6);
  CHECK(tree[value].location.column == 10);
  REQUIRE(parsed.duplicate_keys.size() == 1);
  CHECK(tree[parsed.duplicate_keys[0].first].location.line == 3);
  CHECK(tree[parsed.duplicate_keys[0].second].location.line == 7);
  const NodeId quoted = tree.get(root, "quoted");
  CHECK(tree[quoted].kind == TreeNode::Kind::string);
  CHECK(tree[quoted].location.end_column == 13);
  CHECK(tree[www].location.end_line == 6);  // a mapping ends where its last value does
}

TEST_CASE("a YAML alias bomb shares nodes instead of expanding them") {
  std::string yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char level = 'b'; level <= 'j'; ++level) {
    yaml += std::string(1, level) + ": &" + level + " [";
    for (int i = 0; i < 10; ++i)
      yaml += std::string(i ? ", " : "") + "*" + static_cast<char>(level - 1);
    yaml += "]\n";
  }
  const auto parsed = parse_yaml(yaml, 0);
  REQUIRE_FALSE(parsed.error);
  CHECK(parsed.tree.size() < 200);  // 10^9 leaves if expanded
}

}  // namespace dnslint
