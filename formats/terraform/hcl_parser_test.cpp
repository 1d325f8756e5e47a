#include "formats/terraform/hcl_parser.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <string>

namespace dnslint::hcl {
namespace {

// The expression as a compact S-expression, so that a test states a whole tree in one line.
std::string show(const SyntaxTree& tree, ExprId id);

std::string show_steps(const std::vector<Step>& steps) {
  std::string out;
  for (const Step& step : steps) {
    out += step.kind == Step::Kind::attribute ? "." + step.name : "[" + step.key.text + "]";
  }
  return out;
}

std::string show_list(const SyntaxTree& tree, const std::vector<ExprId>& ids) {
  std::string out;
  for (ExprId id : ids) out += " " + show(tree, id);
  return out;
}

std::string show(const SyntaxTree& tree, ExprId id) {
  if (id == kNoExpr) return "-";
  return std::visit(
      [&](const auto& node) -> std::string {
        using T = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<T, Literal>) {
          if (node.kind == Literal::Kind::string) return fmt::format("{:?}", node.text);
          return node.kind == Literal::Kind::null ? "null" : node.text;
        } else if constexpr (std::is_same_v<T, TemplateExpr>) {
          return "(tpl" + show_list(tree, node.parts) + ")";
        } else if constexpr (std::is_same_v<T, TemplateWrap>) {
          return "(wrap " + show(tree, node.inner) + ")";
        } else if constexpr (std::is_same_v<T, TemplateIf>) {
          return fmt::format("(if {} {} {})", show(tree, node.condition),
                             show(tree, node.then_branch), show(tree, node.else_branch));
        } else if constexpr (std::is_same_v<T, TemplateFor>) {
          return fmt::format("(for {},{} {} {})", node.key_var, node.value_var,
                             show(tree, node.collection), show(tree, node.body));
        } else if constexpr (std::is_same_v<T, ScopeTraversal>) {
          return node.root + show_steps(node.steps);
        } else if constexpr (std::is_same_v<T, RelativeTraversal>) {
          return "(rel " + show(tree, node.source) + " " + show_steps(node.steps) + ")";
        } else if constexpr (std::is_same_v<T, FunctionCall>) {
          return "(" + node.name + show_list(tree, node.arguments) +
                 (node.expand_last ? " ...)" : ")");
        } else if constexpr (std::is_same_v<T, TupleCons>) {
          return "[" + show_list(tree, node.items) + " ]";
        } else if constexpr (std::is_same_v<T, ObjectCons>) {
          std::string out = "{";
          for (const auto& item : node.items) {
            out += fmt::format(" {}{}={}", item.key_forced ? "!" : "", show(tree, item.key),
                               show(tree, item.value));
          }
          return out + " }";
        } else if constexpr (std::is_same_v<T, ForExpr>) {
          return fmt::format("(for{} {},{} {} {} {} {}{})", node.object ? "-obj" : "", node.key_var,
                             node.value_var, show(tree, node.collection), show(tree, node.key),
                             show(tree, node.value), show(tree, node.condition),
                             node.group ? " ..." : "");
        } else if constexpr (std::is_same_v<T, IndexExpr>) {
          return fmt::format("(index {} {})", show(tree, node.collection), show(tree, node.key));
        } else if constexpr (std::is_same_v<T, SplatExpr>) {
          return fmt::format("(splat {} {})", show(tree, node.source), show(tree, node.each));
        } else if constexpr (std::is_same_v<T, AnonSymbol>) {
          return "*";
        } else if constexpr (std::is_same_v<T, UnaryOp>) {
          return fmt::format("({} {})", operator_text(node.op), show(tree, node.operand));
        } else if constexpr (std::is_same_v<T, BinaryOp>) {
          return fmt::format("({} {} {})", operator_text(node.op), show(tree, node.left),
                             show(tree, node.right));
        } else if constexpr (std::is_same_v<T, Conditional>) {
          return fmt::format("(? {} {} {})", show(tree, node.condition), show(tree, node.if_true),
                             show(tree, node.if_false));
        } else if constexpr (std::is_same_v<T, Parentheses>) {
          return "(paren " + show(tree, node.inner) + ")";
        } else {
          return "INVALID";
        }
      },
      tree[id].node);
}

// The value of attribute `name` of the file's body, shown.
std::string attribute(const SyntaxTree& tree, std::string_view name) {
  const Attribute* found = tree.body.attribute(name);
  return found == nullptr ? "(absent)" : show(tree, found->value);
}

std::string errors(const SyntaxTree& tree) {
  std::string out;
  for (const Diagnostic& error : tree.errors) {
    out += fmt::format("{}:{}-{}:{} {}\n", error.range.start.line, error.range.start.column,
                       error.range.end.line, error.range.end.column, error.message);
  }
  return out;
}

SyntaxTree parse(std::string_view text) { return parse_config(text, 0); }

}  // namespace

TEST_CASE("attributes, blocks with labels, one-line blocks and every comment form") {
  const SyntaxTree tree = parse(R"(# hash comment
// slash comment
/* block
   comment */ a = 1
resource "aws_route53_record" mx {
  ttl = 300 # trailing
  alias { name = "x" }
  empty {}
}
)");
  CHECK(errors(tree).empty());
  CHECK(attribute(tree, "a") == "1");
  REQUIRE(tree.body.blocks.size() == 1);
  const Block& block = tree.body.blocks[0];
  CHECK(block.type == "resource");
  CHECK(block.labels == std::vector<std::string>{"aws_route53_record", "mx"});
  CHECK(block.label_ranges[1].start.column == 31);
  CHECK(block.range.start.line == 5);
  CHECK(block.range.end.line == 9);
  REQUIRE(block.body.blocks.size() == 2);
  CHECK(show(tree, block.body.blocks[0].body.attributes.at(0).value) == "(tpl \"x\")");
  CHECK(block.body.blocks[1].body.attributes.empty());
  REQUIRE(tree.comments.size() == 4);
  CHECK(tree.comments[0].text == " hash comment");
  CHECK(tree.comments[3].text == " trailing");
  CHECK(tree.comments[3].at.line == 6);
  CHECK(tree.comments[3].at.column == 13);
}

TEST_CASE("attribute and value positions are lines and byte columns") {
  const SyntaxTree tree = parse("x {\n  records = [\"10 a\", \"20 b\"]\n}\n");
  const Attribute& records = tree.body.blocks.at(0).body.attributes.at(0);
  CHECK(records.name_range.start.line == 2);
  CHECK(records.name_range.start.column == 3);
  const auto& tuple = std::get<TupleCons>(tree[records.value].node);
  const Range& second = tree[tuple.items.at(1)].range;
  CHECK(second.start.line == 2);
  CHECK(second.start.column == 22);
  CHECK(second.end.column == 28);
  CHECK(second.start.byte == 25);
}

TEST_CASE("numbers, literals and string escapes") {
  const SyntaxTree tree = parse(R"(n = 1.5e3
t = true
z = null
s = "tab\t quote\" back\\ \u00e9 \U0001F600 $${x} %%{y}"
)");
  CHECK(errors(tree).empty());
  CHECK(attribute(tree, "n") == "1.5e3");
  CHECK(attribute(tree, "t") == "true");
  CHECK(attribute(tree, "z") == "null");
  CHECK(attribute(tree, "s") == "(tpl \"tab\\t quote\\\" back\\\\ é 😀 ${x} %{y}\")");
}

TEST_CASE("templates: interpolation unwrapping, directives and strip markers") {
  const SyntaxTree tree = parse(R"(wrap = "${var.x}"
mixed = "mx.${var.domain}."
two = "${a}${b}"
strip = "hello ${~ "world" }  !"
iff = "%{ if x ~} yes %{~ else }no%{ endif }"
loop = "%{for k, v in m}${k}=${v};%{endfor}"
)");
  CHECK(errors(tree).empty());
  CHECK(attribute(tree, "wrap") == "(wrap var.x)");
  CHECK(attribute(tree, "mixed") == "(tpl \"mx.\" var.domain \".\")");
  CHECK(attribute(tree, "two") == "(tpl a b)");
  CHECK(attribute(tree, "strip") == "(tpl \"hello\" (tpl \"world\") \"  !\")");
  CHECK(attribute(tree, "iff") == "(tpl (if x (tpl \"yes\") (tpl \"no\")))");
  CHECK(attribute(tree, "loop") == "(tpl (for k,v m (tpl k \"=\" v \";\")))");
}

TEST_CASE("heredocs keep their lines; <<- strips the common indentation") {
  const SyntaxTree tree = parse(
      "plain = <<EOT\n  a\n    b\n  EOT\nflush = <<-EOT\n    a\n\n"
      "      ${x}\n    EOT\nafter = 1\n");
  CHECK(errors(tree).empty());
  CHECK(attribute(tree, "plain") == "(tpl \"  a\\n\" \"    b\\n\")");
  CHECK(attribute(tree, "flush") == "(tpl \"a\\n\" \"\\n\" \"  \" x \"\\n\")");
  CHECK(attribute(tree, "after") == "1");
}

TEST_CASE("operators follow the specification's precedence and associativity") {
  const SyntaxTree tree = parse(R"(a = 1 + 2 * 3 - 4
b = !x || y && z == 1 < 2
c = -46+5
d = x / y * z
e = c ? 1 : d ? 2 : 3
f = (1 + 2) % 3
)");
  CHECK(errors(tree).empty());
  CHECK(attribute(tree, "a") == "(- (+ 1 (* 2 3)) 4)");
  CHECK(attribute(tree, "b") == "(|| (! x) (&& y (== z (< 1 2))))");
  CHECK(attribute(tree, "c") == "(+ (- 46) 5)");
  CHECK(attribute(tree, "d") == "(* (/ x y) z)");
  CHECK(attribute(tree, "e") == "(? c 1 (? d 2 3))");
  CHECK(attribute(tree, "f") == "(% (paren (+ 1 2)) 3)");
}

TEST_CASE("collections, for expressions, splats, traversals and calls") {
  const SyntaxTree tree = parse(R"(t = [1, "b",
  c,]
o = { a = 1, "b" = 2
  (c) = 3
  d: 4 }
ft = [for i, v in list : upper(v) if i > 0]
fo = {for r in var.records : r.name => r.value... }
s1 = aws_instance.web[*].public_ip
s2 = aws_instance.web.*.id
tr = module.mail.zone["primary"].name_servers[0]
legacy = var.list.0
ix = var.map[local.key]
call = format("%s.%s", var.a, var.b)
exp = concat(var.lists...)
rel = element(var.l, 1).name
ns = provider::aws::arn_parse(var.arn)
)");
  CHECK(errors(tree).empty());
  CHECK(attribute(tree, "t") == "[ 1 (tpl \"b\") c ]");
  CHECK(attribute(tree, "o") == "{ a=1 (tpl \"b\")=2 !(paren c)=3 d=4 }");
  CHECK(attribute(tree, "ft") == "(for i,v list - (upper v) (> i 0))");
  CHECK(attribute(tree, "fo") == "(for-obj ,r var.records r.name r.value - ...)");
  CHECK(attribute(tree, "s1") == "(splat aws_instance.web (rel * .public_ip))");
  CHECK(attribute(tree, "s2") == "(splat aws_instance.web (rel * .id))");
  CHECK(attribute(tree, "tr") == "module.mail.zone[primary].name_servers[0]");
  CHECK(attribute(tree, "legacy") == "var.list[0]");
  CHECK(attribute(tree, "ix") == "(index var.map local.key)");
  CHECK(attribute(tree, "call") == "(format (tpl \"%s.%s\") var.a var.b)");
  CHECK(attribute(tree, "exp") == "(concat var.lists ...)");
  CHECK(attribute(tree, "rel") == "(rel (element var.l 1) .name)");
  CHECK(attribute(tree, "ns") == "(provider::aws::arn_parse var.arn)");
}

TEST_CASE("a byte order mark, CRLF line ends and tabs are read") {
  const SyntaxTree tree = parse(
      "\xef\xbb\xbf"
      "a = 1\r\nb {\r\n\tc = 2\r\n}\r\n");
  CHECK(errors(tree).empty());
  CHECK(attribute(tree, "a") == "1");
  REQUIRE(tree.body.blocks.size() == 1);
  CHECK(tree.body.blocks[0].body.attributes.at(0).name_range.start.column == 2);
}

TEST_CASE("syntax errors are reported where they are, and reading goes on") {
  SUBCASE("comma-separated attributes on one line") {
    const SyntaxTree tree = parse("a = \"a value\", b = \"b value\"\nc = 1\n");
    CHECK(errors(tree) ==
          "1:14-1:15 Unexpected comma after argument: argument definitions must be separated "
          "by newlines, not commas\n");
    CHECK(attribute(tree, "c") == "1");
  }
  SUBCASE("single-line blocks") {
    const SyntaxTree tree =
        parse("a { b = \"foo\", c = \"bar\" }\na { b = \"foo\"\n}\na { d {} }\nz = 1\n");
    const std::string found = errors(tree);
    CHECK(found.find("1:14-1:15 Invalid single-argument block definition") != std::string::npos);
    CHECK(found.find("2:14-3:1 Invalid single-argument block definition") != std::string::npos);
    CHECK(found.find("4:5-4:8 Argument definition required") != std::string::npos);
    CHECK(attribute(tree, "z") == "1");
  }
  SUBCASE("an unclosed block") {
    const SyntaxTree tree = parse("a {\n");
    CHECK(errors(tree) ==
          "1:3-1:4 Unclosed configuration block: there is no closing brace for "
          "this block before the end of the file\n");
  }
  SUBCASE("a quoted string split over lines ends at its line") {
    const SyntaxTree tree = parse("a = \"unclosed\nb = 2\n");
    CHECK(errors(tree).find("1:14-1:14 Invalid multi-line string") == 0);
    CHECK(attribute(tree, "b") == "2");
  }
  SUBCASE("a missing value, an unknown escape and a stray character") {
    const SyntaxTree tree = parse("a =\nb = \"\\q\"\nc = 1 ; \nd = 4\n");
    const std::string found = errors(tree);
    CHECK(found.find("1:4-2:1 Invalid expression") != std::string::npos);
    CHECK(found.find("2:6-2:8 Invalid escape sequence") != std::string::npos);
    CHECK(found.find("3:7-3:8 Invalid character") != std::string::npos);
    CHECK(attribute(tree, "d") == "4");
  }
  SUBCASE("an attribute set twice") {
    const SyntaxTree tree = parse("a = 1\na = 2\n");
    CHECK(errors(tree).find("2:1-2:2 Attribute redefined") == 0);
  }
  SUBCASE("an unterminated heredoc and interpolation") {
    CHECK(errors(parse("a = <<EOT\nx\n")).find("Unterminated heredoc") != std::string::npos);
    CHECK(errors(parse("a = \"${b\"\n")).find("Unclosed template interpolation") !=
          std::string::npos);
  }
}

TEST_CASE("nesting deeper than the limit is an error, not a stack overflow") {
  std::string deep = "a = ";
  for (int i = 0; i < 100000; ++i) deep += "[";
  const SyntaxTree tree = parse_config(deep, 0, {64});
  REQUIRE_FALSE(tree.errors.empty());
  CHECK(errors(tree).find("nested more than 64 deep") != std::string::npos);
  std::string blocks;
  for (int i = 0; i < 100000; ++i) blocks += "b {\n";
  CHECK(errors(parse_config(blocks, 0, {64})).find("nested more than 64 deep") !=
        std::string::npos);
}

TEST_CASE("standalone templates and lone expressions keep the positions they are given") {
  SyntaxTree tree;
  const ExprId text = parse_template("mx.${var.d}", {3, 10, 40}, tree);
  CHECK(show(tree, text) == "(tpl \"mx.\" var.d)");
  const auto& parts = std::get<TemplateExpr>(tree[text].node).parts;
  CHECK(tree[parts[1]].range.start.line == 3);
  CHECK(tree[parts[1]].range.start.column == 15);
  CHECK(tree[parts[1]].range.start.byte == 45);
  const ExprId list = parse_expression("[\"a\", 2]", {}, tree);
  CHECK(show(tree, list) == "[ (tpl \"a\") 2 ]");
  CHECK(tree.errors.empty());
}

}  // namespace dnslint::hcl
