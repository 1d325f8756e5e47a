// Runs HashiCorp's HCL specification suite (specsuite/tests, as Debian's
// golang-github-hashicorp-hcl-v2-dev ships it) against dnslint's HCL reader. Each test is an
// input (NAME.hcl), a decoding spec in hcldec's language (NAME.hcldec: object, attr, block,
// block_list, block_map, literal, variables) and the expectation (NAME.t: the decoded `result`,
// or the `diagnostics` with the position of each error). The three are HCL themselves, read
// with the same reader.
//
// Usage: hcl_spec_suite SUITE_DIR
// Inputs in HCL's JSON profile (NAME.hcl.json) are not run: dnslint reads JSON with
// Terraform's block schema, not with a generic decoder.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "formats/terraform/evaluator.hpp"
#include "formats/terraform/hcl_parser.hpp"
#include "formats/terraform/type_constraint.hpp"

namespace {

namespace fs = std::filesystem;
using namespace dnslint;
using namespace dnslint::hcl;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Values compare as HCL's equality does, numbers within double precision (dnslint computes
// in doubles; the suite's arbitrary-precision sums agree to 15 digits).
bool same(const Value& a, const Value& b) {
  if (a.kind() == Value::Kind::number && b.kind() == Value::Kind::number) {
    const double x = a.as_number();
    const double y = b.as_number();
    return x == y || std::fabs(x - y) <= 1e-12 * std::max(std::fabs(x), std::fabs(y));
  }
  if (a.is_sequence() && b.is_sequence()) {
    if (a.elements().size() != b.elements().size()) return false;
    for (std::size_t i = 0; i < a.elements().size(); ++i) {
      if (!same(a.elements()[i], b.elements()[i])) return false;
    }
    return true;
  }
  if (a.is_mapping() && b.is_mapping()) {
    if (a.attributes().size() != b.attributes().size()) return false;
    for (std::size_t i = 0; i < a.attributes().size(); ++i) {
      if (a.attributes()[i].first != b.attributes()[i].first) return false;
      if (!same(a.attributes()[i].second, b.attributes()[i].second)) return false;
    }
    return true;
  }
  return equals(a, b).value_or(false);
}

// One file read into a tree, evaluated with `scope`.
struct Document {
  std::string text;
  SyntaxTree tree;
  Document(const fs::path& path) : text(read_file(path)), tree(parse_config(text, 0)) {}
};

// Decodes an input body along an hcldec spec block.
class Decoder {
 public:
  Decoder(const Document& spec, const Document& input, const Scope& variables)
      : spec_(spec), input_(input), variables_(variables) {}

  std::vector<Diagnostic> errors;

  Value decode(const Block& spec, const Body& body) {
    const std::string& kind = spec.type;
    if (kind == "literal") return constant(spec.body, "value");
    if (kind == "object") {
      Value::Attributes attributes;
      std::vector<std::string> expected_attributes;
      std::vector<std::string> expected_blocks;
      for (const Block& child : spec.body.blocks) {
        const std::string key = child.labels.empty() ? "" : child.labels[0];
        if (child.type == "attr") {
          const std::string name = text(child.body, "name").value_or(key);
          expected_attributes.push_back(name);
          attributes.emplace_back(key, decode(child, body));
        } else if (child.type == "block" || child.type == "block_list" ||
                   child.type == "block_map") {
          expected_blocks.push_back(text(child.body, "block_type").value_or(key));
          attributes.emplace_back(key, decode(child, body));
        }
      }
      for (const Attribute& attribute : body.attributes) {
        if (std::find(expected_attributes.begin(), expected_attributes.end(), attribute.name) ==
            expected_attributes.end()) {
          errors.push_back({attribute.name_range, "unexpected argument " + attribute.name});
        }
      }
      for (const Block& block : body.blocks) {
        if (std::find(expected_blocks.begin(), expected_blocks.end(), block.type) ==
            expected_blocks.end()) {
          errors.push_back({block.type_range, "unexpected block " + block.type});
        }
      }
      return Value::mapping(Value::Kind::object, std::move(attributes));
    }
    if (kind == "attr") {
      const std::string name =
          text(spec.body, "name").value_or(spec.labels.empty() ? "" : spec.labels[0]);
      const Attribute* attribute = body.attribute(name);
      if (attribute == nullptr) return Value::null();
      EvaluationBudget budget;
      Evaluator evaluator(input_.tree, budget);
      Value value = evaluator.evaluate(attribute->value, variables_);
      return convert_to(spec.body, value);
    }
    const std::string type =
        text(spec.body, "block_type").value_or(spec.labels.empty() ? "" : spec.labels[0]);
    const Block* inner_spec = spec.body.blocks.empty() ? nullptr : &spec.body.blocks[0];
    std::vector<const Block*> found;
    for (const Block& block : body.blocks) {
      if (block.type == type) found.push_back(&block);
    }
    auto decode_block = [&](const Block& block) {
      return inner_spec != nullptr ? decode(*inner_spec, block.body)
                                   : Value::mapping(Value::Kind::object, {});
    };
    if (kind == "block") {
      if (found.empty()) return Value::null();
      return decode_block(*found.front());
    }
    if (kind == "block_list") {
      Value::Elements elements;
      for (const Block* block : found) elements.push_back(decode_block(*block));
      return Value::sequence(Value::Kind::list, std::move(elements));
    }
    // block_map: keyed by the blocks' labels, nested one level per label.
    Value::Attributes attributes;
    for (const Block* block : found) {
      attributes.emplace_back(block->labels.empty() ? "" : block->labels[0], decode_block(*block));
    }
    return Value::mapping(Value::Kind::map, std::move(attributes));
  }

 private:
  Value constant(const Body& body, std::string_view name) {
    const Attribute* attribute = body.attribute(name);
    if (attribute == nullptr) return Value::null();
    EvaluationBudget budget;
    Evaluator evaluator(spec_.tree, budget);
    const EmptyScope none;
    return evaluator.evaluate(attribute->value, none);
  }

  std::optional<std::string> text(const Body& body, std::string_view name) {
    const Value value = constant(body, name);
    if (value.kind() != Value::Kind::string) return std::nullopt;
    return value.as_string();
  }

  Value convert_to(const Body& spec, const Value& value) {
    const Attribute* type = spec.attribute("type");
    if (type == nullptr) return value;
    EvaluationBudget budget;
    std::string why;
    const auto constraint = parse_type(spec_.tree, type->value, budget, why);
    if (!constraint) return Value::error("bad type in the spec: " + why);
    return convert(value, *constraint);
  }

  const Document& spec_;
  const Document& input_;
  const Scope& variables_;
};

struct Expected {
  std::optional<Value> result;
  std::vector<Position> errors;
};

Expected read_expectation(const Document& test) {
  Expected expected;
  EvaluationBudget budget;
  Evaluator evaluator(test.tree, budget);
  const EmptyScope none;
  if (const Attribute* result = test.tree.body.attribute("result"))
    expected.result = evaluator.evaluate(result->value, none);
  for (const Block& block : test.tree.body.blocks) {
    if (block.type != "diagnostics") continue;
    for (const Block& error : block.body.blocks) {
      for (const Block& end : error.body.blocks) {
        if (end.type != "from") continue;
        auto number = [&](std::string_view name) {
          const Attribute* attribute = end.body.attribute(name);
          const Value value = attribute ? evaluator.evaluate(attribute->value, none) : Value();
          return static_cast<std::uint32_t>(value.to_number().value_or(0));
        };
        expected.errors.push_back({number("line"), number("column"), number("byte")});
      }
    }
  }
  return expected;
}

// Runs one test; returns what went wrong, or nothing.
std::vector<std::string> run(const fs::path& test_path) {
  fs::path base = test_path;
  base.replace_extension();
  const Document test(test_path);
  const Document spec(fs::path(base.string() + ".hcldec"));
  const Document input(fs::path(base.string() + ".hcl"));
  std::vector<std::string> problems;
  for (const Document* document : {&test, &spec}) {
    if (!document->tree.errors.empty()) {
      problems.push_back("the test's own files do not parse: " +
                         document->tree.errors.front().message);
      return problems;
    }
  }
  // Variables the spec gives the input's expressions.
  Bindings variables;
  const Block* root_spec = nullptr;
  for (const Block& block : spec.tree.body.blocks) {
    if (block.type == "variables") {
      EvaluationBudget budget;
      Evaluator evaluator(spec.tree, budget);
      const EmptyScope none;
      for (const Attribute& attribute : block.body.attributes)
        variables.bind(attribute.name, evaluator.evaluate(attribute.value, none));
    } else if (root_spec == nullptr) {
      root_spec = &block;
    }
  }
  if (root_spec == nullptr) {
    problems.push_back("the spec has no root block");
    return problems;
  }
  const Expected expected = read_expectation(test);
  std::vector<Diagnostic> errors = input.tree.errors;
  Decoder decoder(spec, input, variables);
  Value result;
  if (errors.empty()) {
    result = decoder.decode(*root_spec, input.tree.body);
    errors = decoder.errors;
  }
  if (errors.size() != expected.errors.size()) {
    problems.push_back(fmt::format("{} error(s) where the suite expects {}", errors.size(),
                                   expected.errors.size()));
    for (const Diagnostic& error : errors) {
      problems.push_back(fmt::format("  {}:{}: {}", error.range.start.line,
                                     error.range.start.column, error.message));
    }
  }
  for (const Position& wanted : expected.errors) {
    const bool found = std::any_of(errors.begin(), errors.end(), [&](const Diagnostic& error) {
      return error.range.start.line == wanted.line && error.range.start.column == wanted.column &&
             error.range.start.byte == wanted.byte;
    });
    if (!found) {
      problems.push_back(fmt::format("no error at line {} column {} (byte {})", wanted.line,
                                     wanted.column, wanted.byte));
    }
  }
  const std::optional<Value> wanted = expected.result;
  if (wanted && errors.empty() && !same(result, *wanted)) {
    problems.push_back(
        fmt::format("decoded {}\n  expected {}", result.describe(), wanted->describe()));
  }
  return problems;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: hcl_spec_suite SUITE_DIR\n";
    return 2;
  }
  std::vector<fs::path> tests;
  for (const auto& entry : fs::recursive_directory_iterator(argv[1])) {
    if (entry.path().extension() != ".t") continue;
    fs::path input = entry.path();
    input.replace_extension(".hcl");
    if (fs::exists(input)) tests.push_back(entry.path());
  }
  std::sort(tests.begin(), tests.end());
  int failed = 0;
  for (const fs::path& test : tests) {
    const auto problems = run(test);
    const std::string name = fs::relative(test, argv[1]).string();
    if (problems.empty()) {
      std::cout << "ok   " << name << "\n";
      continue;
    }
    ++failed;
    std::cout << "FAIL " << name << "\n";
    for (const std::string& problem : problems) std::cout << "  " << problem << "\n";
  }
  std::cout << fmt::format("hcl spec suite: {} test(s), {} failed\n", tests.size(), failed);
  return failed == 0 && !tests.empty() ? 0 : 1;
}
