#include "formats/terraform/evaluator.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>

#include "formats/terraform/functions.hpp"
#include "formats/terraform/hcl_parser.hpp"
#include "formats/terraform/type_constraint.hpp"

namespace dnslint::hcl {
namespace {

Value evaluate(std::string_view text, const Scope& names = EmptyScope()) {
  SyntaxTree tree;
  const ExprId expression = parse_expression(text, {}, tree);
  REQUIRE(tree.errors.empty());
  EvaluationBudget budget;
  Evaluator evaluator(tree, budget);
  return evaluator.evaluate(expression, names);
}

std::string show(std::string_view text, const Scope& names = EmptyScope()) {
  const Value value = evaluate(text, names);
  if (value.is_error()) return "error: " + value.why_unknown();
  if (value.is_unknown()) return "unknown: " + value.why_unknown();
  return value.describe();
}

Value list(std::initializer_list<const char*> items) {
  Value::Elements elements;
  for (const char* item : items) elements.push_back(Value::string(item));
  return Value::sequence(Value::Kind::tuple, std::move(elements));
}

}  // namespace

TEST_CASE("literals, operators and conditionals evaluate as the specification says") {
  CHECK(show("1 + 2 * 3") == "7");
  CHECK(show("7 / 2") == "3.5");
  CHECK(show("11 % 5") == "1");
  CHECK(show("-46 + 5") == "-41");
  CHECK(show("\"10\" + 5") == "15");     // strings convert to numbers for arithmetic
  CHECK(show("\"1\" == 1") == "false");  // but == compares types too
  CHECK(show("[1, \"a\"] == [1, \"a\"]") == "true");
  CHECK(show("!true || 1 < 2 && 2 >= 2") == "true");
  CHECK(show("true ? \"a\" : \"b\"") == "\"a\"");
  CHECK(show("false ? [][0] : \"safe\"") == "\"safe\"");  // only the chosen branch runs
  CHECK(show("1 / 0") == "error: division by zero");
  CHECK(show("null") == "null");
  CHECK(show("3.0") == "3");
  CHECK(show("1e3") == "1000");
}

TEST_CASE("templates join their parts; a lone interpolation keeps its value") {
  Bindings names;
  names.bind("domain", Value::string("example.com"));
  names.bind("port", Value::number(25));
  names.bind("hosts", list({"a", "b"}));
  CHECK(show("\"mx.${domain}.\"", names) == "\"mx.example.com.\"");
  CHECK(show("\"${port}\"", names) == "25");
  CHECK(show("\"p${port}\"", names) == "\"p25\"");
  CHECK(show("\"%{for h in hosts}${h};%{endfor}\"", names) == "\"a;b;\"");
  CHECK(show("\"%{if port > 20}high%{else}low%{endif}\"", names) == "\"high\"");
  CHECK(show("\"${hosts}\"", names) == "[\"a\", \"b\"]");
  CHECK(show("\"x${hosts}\"", names) == "error: a template cannot include a tuple value");
  CHECK(show("\"x${null}\"") == "error: a template cannot include a null value");
}

TEST_CASE("collections; traversals; for expressions and splats") {
  Bindings names;
  names.bind(
      "servers",
      evaluate(
          "[{name = \"a\", ip = \"192.0.2.1\", mail = true}, {name = \"b\", ip = \"192.0.2.2\", "
          "mail = false}]"));
  CHECK(show("servers[1].name", names) == "\"b\"");
  CHECK(show("servers.0.ip", names) == "\"192.0.2.1\"");
  CHECK(show("servers[*].name", names) == "[\"a\", \"b\"]");
  CHECK(show("servers.*.ip[0]", names) == "\"192.0.2.1\"");
  CHECK(show("[for s in servers : s.name if s.mail]", names) == "[\"a\"]");
  CHECK(show("{for s in servers : s.name => s.ip}", names) ==
        "{a = \"192.0.2.1\", b = \"192.0.2.2\"}");
  CHECK(show("{for s in [\"x\", \"y\", \"x\"] : s => s...}") ==
        "{x = [\"x\", \"x\"], y = [\"y\"]}");
  CHECK(show("{for s in [\"x\", \"x\"] : s => 1}").starts_with("error: the for expression makes"));
  CHECK(show("[for k, v in {b = 2, a = 1} : \"${k}=${v}\"]") == "[\"a=1\", \"b=2\"]");
  CHECK(show("servers[5]", names).starts_with("error: the index 5 is out of range"));
  CHECK(show("{a = 1}.b").starts_with("error: the object has no attribute or key 'b'"));
  CHECK(show("{(\"x\") = 1, y = 2}") == "{x = 1, y = 2}");
  CHECK(show("null[*]") == "[]");
  CHECK(show("\"one\"[*]") == "[\"one\"]");
}

TEST_CASE("unknown values stay unknown, for the same reason, and errors are told apart") {
  Bindings names;
  names.bind("later", Value::unknown("known after apply"));
  CHECK(show("\"x${later}\"", names) == "unknown: known after apply");
  CHECK(show("later + 1", names) == "unknown: known after apply");
  CHECK(show("later == 1", names) == "unknown: known after apply");
  CHECK(show("later ? 1 : 2", names) == "unknown: known after apply");
  CHECK(show("[for x in later : x]", names) == "unknown: known after apply");
  CHECK(show("length([later, 1])", names) == "2");  // a known shape with unknown elements
  CHECK(show("try(later, 1)", names) == "unknown: known after apply");
  CHECK(show("try([][0], 1)") == "1");  // an error is not an unknown
  CHECK(show("can([][0])") == "false");
  CHECK(show("undefined_name").starts_with("error: 'undefined_name' is not a name"));
}

TEST_CASE("encoding, hashing and regular expression functions give what Terraform gives") {
  // jsonencode: Go's encoding/json, which escapes <, > and & and sorts object keys.
  CHECK(show("jsonencode({b = [1, true, null], a = \"<x&y>\"})") ==
        "\"{\"a\":\"\\u003cx\\u0026y\\u003e\",\"b\":[1,true,null]}\"");
  CHECK(show("jsondecode(\"{\\\"mx\\\": [10, \\\"a\\\"]}\")") == "{mx = [10, \"a\"]}");
  CHECK(show("jsondecode(\"{\")").starts_with("error: jsondecode(): the argument is not JSON"));
  CHECK(show("base64encode(\"v=spf1 -all\")") == "\"dj1zcGYxIC1hbGw=\"");
  CHECK(show("base64decode(\"dj1zcGYxIC1hbGw=\")") == "\"v=spf1 -all\"");
  CHECK(show("base64decode(\"not base64\")").starts_with("error: base64decode()"));
  CHECK(show("base64decode(\"/w==\")").starts_with("error: base64decode(): the decoded bytes"));
  CHECK(show("md5(\"example.com\")") == "\"5ababd603b22780302dd8d83498e5172\"");
  CHECK(show("sha1(\"example.com\")") == "\"0caaf24ab1a0c33440c06afe99df986365b0781f\"");
  CHECK(show("sha256(\"example.com\")") ==
        "\"a379a6f6eeafb9a55e378c118034e2751e682fab9f2d30ab13d2125586ce1947\"");
  CHECK(show("base64sha256(\"\")") == "\"47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\"");
  // Regular expressions: RE2's syntax, Terraform's results.
  CHECK(show("regex(\"[a-z]+\", \"53example\")") == "\"example\"");
  CHECK(show("regex(\"^(\\\\d+) (.*)$\", \"10 mail\")") == "[\"10\", \"mail\"]");
  CHECK(show("regex(\"^(?P<pref>\\\\d+) (?P<host>.*)$\", \"10 mail\")") ==
        "{host = \"mail\", pref = \"10\"}");
  CHECK(show("regex(\"x\", \"abc\")").starts_with("error: regex(): the pattern did not match"));
  CHECK(show("regex(\"(\", \"abc\")").starts_with("error: regex(): invalid regular expression"));
  CHECK(show("regexall(\"[0-9]+\", \"a1b22c333\")") == "[\"1\", \"22\", \"333\"]");
  CHECK(show("regexall(\"x\", \"abc\")") == "[]");
  CHECK(show("replace(\"mx1 mx2\", \"/mx([0-9])/\", \"host$1\")") == "\"host1 host2\"");
  CHECK(show("replace(\"a.b\", \"/(?P<first>a)/\", \"$${first}$$\")") == "\"a$.b\"");
  CHECK(show("setproduct([\"a\", \"b\"], [1, 2])") ==
        "[[\"a\", 1], [\"a\", 2], [\"b\", 1], [\"b\", 2]]");
}

TEST_CASE("strings are in Unicode NFC, as Terraform makes every string") {
  CHECK(show("\"caf\\u0065\\u0301\"") == show("\"caf\\u00e9\""));
  CHECK(show("\"caf\\u0065\\u0301\" == \"caf\\u00e9\"") == "true");
}

TEST_CASE("the functions DNS configurations use") {
  CHECK(show("format(\"%s.%s\", \"mail\", \"example.com\")") == "\"mail.example.com\"");
  CHECK(show("format(\"%03d|%-4s|%.2f|%q|%%|%t|%x\", 7, \"ab\", 1.234, \"q\", true, 255)") ==
        "\"007|ab  |1.23|\"q\"|%|true|ff\"");
  CHECK(show("format(\"%[2]s-%[1]s\", \"a\", \"b\")") == "\"b-a\"");
  CHECK(show("formatlist(\"%s.example.com\", [\"a\", \"b\"])") ==
        "[\"a.example.com\", \"b.example.com\"]");
  CHECK(show("join(\",\", [\"a\", \"b\"], [\"c\"])") == "\"a,b,c\"");
  CHECK(show("split(\".\", \"a.b.c\")") == "[\"a\", \"b\", \"c\"]");
  CHECK(show("lower(\"MX.Example.COM\")") == "\"mx.example.com\"");
  CHECK(show("upper(\"a\")") == "\"A\"");
  CHECK(show("title(\"hello world\")") == "\"Hello World\"");
  CHECK(show("trim(\"..a..\", \".\")") == "\"a\"");
  CHECK(show("trimspace(\"  a \\n\")") == "\"a\"");
  CHECK(show("trimprefix(\"www.example.com\", \"www.\")") == "\"example.com\"");
  CHECK(show("trimsuffix(\"a.example.com\", \".example.com\")") == "\"a\"");
  CHECK(show("replace(\"a-b-c\", \"-\", \".\")") == "\"a.b.c\"");
  CHECK(show("replace(\"abc\", \"/b/\", \"x\")") == "\"axc\"");
  CHECK(show("substr(\"example\", 1, 3)") == "\"xam\"");
  CHECK(show("substr(\"example\", -3, -1)") == "\"ple\"");
  CHECK(show("chomp(\"line\\n\")") == "\"line\"");
  CHECK(show("concat([1], [2, 3])") == "[1, 2, 3]");
  CHECK(show("flatten([[1, [2]], 3])") == "[1, 2, 3]");
  CHECK(show("merge({a = 1, b = 2}, {b = 3})") == "{a = 1, b = 3}");
  CHECK(show("lookup({a = 1}, \"b\", 9)") == "9");
  CHECK(show("lookup({a = 1}, \"b\")").starts_with("error: lookup(): the map has no key"));
  CHECK(show("keys({b = 1, a = 2})") == "[\"a\", \"b\"]");
  CHECK(show("values({b = 1, a = 2})") == "[2, 1]");
  CHECK(show("element([\"a\", \"b\"], 3)") == "\"b\"");  // wraps around
  CHECK(show("length(\"héllo\")") == "5");
  CHECK(show("length({a = 1})") == "1");
  CHECK(show("tolist(toset([\"b\", \"a\", \"b\"]))") == "[\"a\", \"b\"]");
  CHECK(show("tostring(10)") == "\"10\"");
  CHECK(show("tonumber(\"300\") + 1") == "301");
  CHECK(show("tonumber(\"ten\")").starts_with("error:"));
  CHECK(show("coalesce(null, \"\", \"x\")") == "\"x\"");
  CHECK(show("coalescelist([], [1])") == "[1]");
  CHECK(show("compact([\"a\", \"\", null, \"b\"])") == "[\"a\", \"b\"]");
  CHECK(show("distinct([1, 2, 1])") == "[1, 2]");
  CHECK(show("contains([\"a\"], \"a\")") == "true");
  CHECK(show("index([\"a\", \"b\"], \"b\")") == "1");
  CHECK(show("zipmap([\"a\", \"b\"], [1, 2])") == "{a = 1, b = 2}");
  CHECK(show("range(3)") == "[0, 1, 2]");
  CHECK(show("range(1, 10, 4)") == "[1, 5, 9]");
  CHECK(show("range(2000)").starts_with("error: range(): more than 1024"));
  CHECK(show("slice([1, 2, 3], 1, 3)") == "[2, 3]");
  CHECK(show("reverse([1, 2])") == "[2, 1]");
  CHECK(show("sort([\"b\", \"a\"])") == "[\"a\", \"b\"]");
  CHECK(show("one([])") == "null");
  CHECK(show("max(1, 5, 3) + min(4, 2) + abs(-1) + floor(1.5) + ceil(1.5)") == "11");
  CHECK(show("sum([1, 2, 3])") == "6");
  CHECK(show("max(-3, -1)") == "-1");
  CHECK(show("alltrue([true, \"true\"])") == "true");
  CHECK(show("alltrue([true, false])") == "false");
  CHECK(show("anytrue([false, true])") == "true");
  CHECK(show("anytrue([])") == "false");
  CHECK(show("tobool(\"yes\")").starts_with("error: tobool(): \"yes\" does not convert to bool"));
  CHECK(show("parseint(\"ff\", 16)") == "255");
  CHECK(show("cidrhost(\"192.0.2.0/24\", 5)") == "\"192.0.2.5\"");
  CHECK(show("cidrhost(\"192.0.2.0/24\", -1)") == "\"192.0.2.255\"");
  CHECK(show("cidrhost(\"2001:db8::/32\", 1)") == "\"2001:db8::1\"");
  CHECK(show("cidrhost(\"192.0.2.0/30\", 4)").starts_with("error: cidrhost(): prefix"));
  CHECK(show("cidrsubnet(\"10.0.0.0/16\", 8, 2)") == "\"10.0.2.0/24\"");
  CHECK(show("cidrnetmask(\"10.0.0.0/12\")") == "\"255.240.0.0\"");
  CHECK(show("file(\"x\")").starts_with("unknown: file(\"x\") is not read"));
  CHECK(show("upper()").starts_with("error: upper(): 0 arguments given"));
  CHECK(show("concat([\"a\"], [\"b\"]...)") == "error: concat(): the arguments must be lists");
  CHECK(show("concat([[\"a\"], [\"b\"]]...)") == "[\"a\", \"b\"]");
  // Every function the configurations seen in the wild use for DNS records.
  const auto names = evaluated_functions();
  for (std::string_view name :
       {"format",     "join",       "split",     "lower",    "upper",    "trim",
        "trimprefix", "trimsuffix", "trimspace", "replace",  "concat",   "flatten",
        "merge",      "lookup",     "keys",      "values",   "element",  "length",
        "tolist",     "toset",      "tostring",  "tonumber", "coalesce", "cidrhost"}) {
    CHECK(std::binary_search(names.begin(), names.end(), name));
  }
}

TEST_CASE("type constraints convert variable values as Terraform does") {
  auto convert_to = [](std::string_view type, std::string_view value) {
    SyntaxTree tree;
    const ExprId type_expression = parse_expression(type, {}, tree);
    EvaluationBudget budget;
    std::string why;
    const auto constraint = parse_type(tree, type_expression, budget, why);
    REQUIRE(constraint);
    const Value converted = convert(evaluate(value), *constraint);
    return converted.is_error() ? "error: " + converted.why_unknown() : converted.describe();
  };
  CHECK(convert_to("number", "\"300\"") == "300");
  CHECK(convert_to("string", "300") == "\"300\"");
  CHECK(convert_to("bool", "\"true\"") == "true");
  CHECK(convert_to("set(string)", "[\"b\", \"a\", \"b\"]") == "[\"a\", \"b\"]");
  CHECK(convert_to("list(number)", "[\"1\", 2]") == "[1, 2]");
  CHECK(convert_to("map(string)", "{a = 1}") == "{a = \"1\"}");
  CHECK(convert_to("object({host = string, ttl = optional(number, 300)})", "{host = \"mx\"}") ==
        "{host = \"mx\", ttl = 300}");
  CHECK(convert_to("object({host = string})", "{}").starts_with("error: the object lacks"));
  CHECK(convert_to("\"list\"", "[1]") == "[1]");  // Terraform 0.11's string form
  CHECK(convert_to("number", "\"x\"") == "error: \"x\" does not convert to number");
  SyntaxTree tree;
  EvaluationBudget budget;
  std::string why;
  CHECK_FALSE(parse_type(tree, parse_expression("lists(string)", {}, tree), budget, why));
  CHECK(why == "lists() is not a type");
}

TEST_CASE("hostile expressions end within the evaluation budget") {
  // Each step doubles the list (as locals that refer to each other twice can): 2^40 elements
  // unless the budget stops it.
  SyntaxTree tree;
  const ExprId doubled = parse_expression("flatten([x, x])", {}, tree);
  EvaluationBudget budget;
  budget.steps = 1'000'000;
  Value list = evaluate("[1, 1]");
  for (int i = 0; i < 40; ++i) {
    Bindings names;
    names.bind("x", list);
    Evaluator evaluator(tree, budget);
    list = evaluator.evaluate(doubled, names);
  }
  CHECK(list.is_unknown());
  CHECK(budget.exhausted());
}

}  // namespace dnslint::hcl
