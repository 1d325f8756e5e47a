// hcl_dump: what dnslint's HCL reader makes of files, in the JSON form of the hcl-oracle tool
// (tests/terraform/oracle), for tests/terraform/hcl_oracle_parity.py to compare.
//
// Usage: hcl_dump FILE...            one JSON line per file
//        hcl_dump --time N FILE...   parse every file N times, print the seconds one round takes
#include <fmt/format.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

#include "formats/terraform/evaluator.hpp"
#include "formats/terraform/hcl_parser.hpp"
#include "linter/reports/json_writer.hpp"

namespace {

using namespace dnslint;
using namespace dnslint::hcl;

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// True when the expression calls a function anywhere (the oracle evaluates without any).
bool calls_function(const SyntaxTree& tree, ExprId id) {
  if (id == kNoExpr) return false;
  auto any = [&](std::initializer_list<ExprId> ids) {
    for (ExprId child : ids) {
      if (calls_function(tree, child)) return true;
    }
    return false;
  };
  auto any_of = [&](const std::vector<ExprId>& ids) {
    for (ExprId child : ids) {
      if (calls_function(tree, child)) return true;
    }
    return false;
  };
  return std::visit(
      [&](const auto& node) -> bool {
        using T = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<T, FunctionCall>) {
          return true;
        } else if constexpr (std::is_same_v<T, TemplateExpr>) {
          return any_of(node.parts);
        } else if constexpr (std::is_same_v<T, TemplateWrap> || std::is_same_v<T, Parentheses>) {
          return any({node.inner});
        } else if constexpr (std::is_same_v<T, TemplateIf>) {
          return any({node.condition, node.then_branch, node.else_branch});
        } else if constexpr (std::is_same_v<T, TemplateFor>) {
          return any({node.collection, node.body});
        } else if constexpr (std::is_same_v<T, RelativeTraversal>) {
          return any({node.source});
        } else if constexpr (std::is_same_v<T, TupleCons>) {
          return any_of(node.items);
        } else if constexpr (std::is_same_v<T, ObjectCons>) {
          for (const ObjectItem& item : node.items) {
            if (any({item.key, item.value})) return true;
          }
          return false;
        } else if constexpr (std::is_same_v<T, ForExpr>) {
          return any({node.collection, node.key, node.value, node.condition});
        } else if constexpr (std::is_same_v<T, IndexExpr>) {
          return any({node.collection, node.key});
        } else if constexpr (std::is_same_v<T, SplatExpr>) {
          return any({node.source, node.each});
        } else if constexpr (std::is_same_v<T, UnaryOp>) {
          return any({node.operand});
        } else if constexpr (std::is_same_v<T, BinaryOp>) {
          return any({node.left, node.right});
        } else if constexpr (std::is_same_v<T, Conditional>) {
          return any({node.condition, node.if_true, node.if_false});
        } else {
          return false;
        }
      },
      tree[id].node);
}

std::string value_json(const Value& value) {
  switch (value.kind()) {
    case Value::Kind::null:
      return "null";
    case Value::Kind::boolean:
      return value.as_boolean() ? "true" : "false";
    case Value::Kind::number:
      return format_number(value.as_number());
    case Value::Kind::string:
      return json_quote(value.as_string());
    case Value::Kind::tuple:
    case Value::Kind::list:
    case Value::Kind::set: {
      std::string out = "[";
      for (const Value& element : value.elements()) {
        if (out.size() > 1) out += ",";
        out += value_json(element);
      }
      return out + "]";
    }
    case Value::Kind::object:
    case Value::Kind::map: {
      std::string out = "{";
      for (const auto& [name, element] : value.attributes()) {
        if (out.size() > 1) out += ",";
        out += json_quote(name) + ":" + value_json(element);
      }
      return out + "}";
    }
    case Value::Kind::unknown:
      break;
  }
  return R"({"dynamic":true})";
}

std::string body_json(const SyntaxTree& tree, const Body& body) {
  EvaluationBudget budget;
  Evaluator evaluator(tree, budget);
  const EmptyScope scope;
  std::string out = R"({"attributes":[)";
  for (std::size_t i = 0; i < body.attributes.size(); ++i) {
    const Attribute& attribute = body.attributes[i];
    const Value value = calls_function(tree, attribute.value)
                            ? Value::unknown("a function call")
                            : evaluator.evaluate(attribute.value, scope);
    out += fmt::format(
        R"({}{{"name":{},"name_line":{},"name_byte":{},"value_byte":{},"value_end":{},"value":{}}})",
        i == 0 ? "" : ",", json_quote(attribute.name), attribute.name_range.start.line,
        attribute.name_range.start.byte, tree[attribute.value].range.start.byte,
        tree[attribute.value].range.end.byte,
        value_json(value.has_unknown() ? Value::unknown("dynamic") : value));
  }
  out += R"(],"blocks":[)";
  for (std::size_t i = 0; i < body.blocks.size(); ++i) {
    const Block& block = body.blocks[i];
    std::string labels;
    for (const std::string& label : block.labels) {
      labels += (labels.empty() ? "" : ",") + json_quote(label);
    }
    out +=
        fmt::format(R"({}{{"type":{},"labels":[{}],"type_line":{},"type_byte":{},"body":{}}})",
                    i == 0 ? "" : ",", json_quote(block.type), labels, block.type_range.start.line,
                    block.type_range.start.byte, body_json(tree, block.body));
  }
  return out + "]}";
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() >= 2 && args[0] == "--time") {
    const int rounds = std::stoi(args[1]);
    std::vector<std::string> sources;
    for (std::size_t i = 2; i < args.size(); ++i) sources.push_back(read_file(args[i]));
    const auto start = std::chrono::steady_clock::now();
    std::size_t expressions = 0;
    for (int round = 0; round < rounds; ++round) {
      for (const std::string& source : sources) expressions += parse_config(source, 0).size();
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << fmt::format("{:.6f}\n", seconds / rounds);
    return expressions > 0 ? 0 : 1;
  }
  for (const std::string& path : args) {
    const std::string source = read_file(path);
    const SyntaxTree tree = parse_config(source, 0);
    std::cout << fmt::format(R"({{"path":{},"errors":{})", json_quote(path), tree.errors.size());
    if (tree.errors.empty()) std::cout << R"(,"body":)" << body_json(tree, tree.body);
    std::cout << "}\n";
  }
  return 0;
}
