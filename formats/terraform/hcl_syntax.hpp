// The syntax tree of an HCL file (HashiCorp's native syntax specification, hclsyntax spec.md):
// a body of attributes and blocks whose values are expressions. The JSON profile (*.tf.json)
// is read into the same tree (formats/terraform/hcl_json.hpp), so that one evaluator serves
// both syntaxes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "model/location.hpp"

namespace dnslint::hcl {

// 1-based line and byte column, and the 0-based byte offset in the file.
struct Position {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
  std::uint32_t byte = 0;
};

// A stretch of source text; the end is exclusive.
struct Range {
  Position start;
  Position end;
};

// From the start of `first` to the end of `last`.
inline Range span(const Range& first, const Range& last) { return {first.start, last.end}; }

inline SourceLocation to_location(FileId file, const Range& range) {
  return {file, range.start.line, range.start.column, range.end.line, range.end.column};
}

using ExprId = std::uint32_t;
inline constexpr ExprId kNoExpr = 0xffffffffu;

// null, true/false, a number as written, or a string (escapes resolved).
struct Literal {
  enum class Kind : std::uint8_t { null, boolean, number, string };
  Kind kind = Kind::null;
  std::string text;
};

// A template: literal strings, interpolated expressions and directives, joined into a string.
struct TemplateExpr {
  std::vector<ExprId> parts;
};
// A template that is one interpolation and nothing else yields the value itself, not its text
// (spec: "Template Interpolation Unwrapping").
struct TemplateWrap {
  ExprId inner = kNoExpr;
};
// %{if condition}then%{else}otherwise%{endif}; the branches are TemplateExpr (otherwise may
// be kNoExpr).
struct TemplateIf {
  ExprId condition = kNoExpr;
  ExprId then_branch = kNoExpr;
  ExprId else_branch = kNoExpr;
};
// %{for key, value in collection}body%{endfor}; key_var is empty when only a value is named.
struct TemplateFor {
  std::string key_var;
  std::string value_var;
  ExprId collection = kNoExpr;
  ExprId body = kNoExpr;
};

// One step of a traversal: `.name`, or `[key]` with a literal key (also the legacy `.0`).
struct Step {
  enum class Kind : std::uint8_t { attribute, index };
  Kind kind = Kind::attribute;
  std::string name;  // attribute
  Literal key;       // index
  Range range;
};

// `root.step[...]...`: a variable and the steps taken from it.
struct ScopeTraversal {
  std::string root;
  std::vector<Step> steps;
};
// Steps taken from the value of another expression: `f(x).name`, `(x)[0]`.
struct RelativeTraversal {
  ExprId source = kNoExpr;
  std::vector<Step> steps;
};
struct FunctionCall {
  std::string name;  // may hold a provider namespace: "provider::aws::arn_parse"
  std::vector<ExprId> arguments;
  bool expand_last = false;  // f(a, list...): the last argument's elements are the arguments
  Range name_range;
};
struct TupleCons {
  std::vector<ExprId> items;
};
struct ObjectItem {
  ExprId key = kNoExpr;
  ExprId value = kNoExpr;
  // A key written `(expr)`: evaluated even when it is a bare name. A bare name otherwise is
  // the key's text (`{foo = 1}` has the key "foo").
  bool key_forced = false;
};
struct ObjectCons {
  std::vector<ObjectItem> items;
};
// [for k, v in coll: value if cond] and {for k, v in coll: key => value... if cond}.
struct ForExpr {
  std::string key_var;  // empty when only a value is named
  std::string value_var;
  ExprId collection = kNoExpr;
  ExprId key = kNoExpr;  // object form only
  ExprId value = kNoExpr;
  ExprId condition = kNoExpr;
  bool group = false;  // `...`: the values of one key form a tuple
  bool object = false;
};
// collection[key] with a key that is not a literal.
struct IndexExpr {
  ExprId collection = kNoExpr;
  ExprId key = kNoExpr;
};
// source[*].each or source.*.each: `each` is evaluated for every element, with `item` (an
// AnonSymbol) standing for the element.
struct SplatExpr {
  ExprId source = kNoExpr;
  ExprId each = kNoExpr;
  ExprId item = kNoExpr;
};
struct AnonSymbol {};

enum class Operator : std::uint8_t {
  negate,
  logical_not,
  multiply,
  divide,
  modulo,
  add,
  subtract,
  less,
  less_equal,
  greater,
  greater_equal,
  equal,
  not_equal,
  logical_and,
  logical_or,
};
std::string_view operator_text(Operator op);

struct UnaryOp {
  Operator op = Operator::negate;
  ExprId operand = kNoExpr;
};
struct BinaryOp {
  Operator op = Operator::add;
  ExprId left = kNoExpr;
  ExprId right = kNoExpr;
};
struct Conditional {
  ExprId condition = kNoExpr;
  ExprId if_true = kNoExpr;
  ExprId if_false = kNoExpr;
};
struct Parentheses {
  ExprId inner = kNoExpr;
};
// Where the parser found no expression (a syntax error was reported there).
struct Invalid {};

using ExpressionNode =
    std::variant<Literal, TemplateExpr, TemplateWrap, TemplateIf, TemplateFor, ScopeTraversal,
                 RelativeTraversal, FunctionCall, TupleCons, ObjectCons, ForExpr, IndexExpr,
                 SplatExpr, AnonSymbol, UnaryOp, BinaryOp, Conditional, Parentheses, Invalid>;

struct Expression {
  ExpressionNode node;
  Range range;
};

struct Attribute {
  std::string name;
  ExprId value = kNoExpr;
  Range name_range;
  Range range;  // from the name to the end of the value
};

struct Block;

struct Body {
  std::vector<Attribute> attributes;  // in source order
  std::vector<Block> blocks;          // in source order
  Range range;
  // Read from JSON, where an object may be either an attribute's value or a nested block:
  // such properties are both an attribute and block(s) of that type.
  bool from_json = false;

  const Attribute* attribute(std::string_view name) const;
};

struct Block {
  std::string type;
  std::vector<std::string> labels;
  std::vector<Range> label_ranges;
  Range type_range;
  Range range;  // from the type to the closing brace
  Body body;
};

struct Diagnostic {
  Range range;
  std::string message;
};

// A comment's text (without its `#`, `//` or `/* */` markers) and where it starts.
struct Comment {
  Position at;
  std::string text;
  bool line_comment = true;
};

// The syntax tree of one file: its expressions live here and are referred to by id.
class SyntaxTree {
 public:
  ExprId add(Expression expression) {
    expressions_.push_back(std::move(expression));
    return static_cast<ExprId>(expressions_.size() - 1);
  }
  const Expression& operator[](ExprId id) const { return expressions_[id]; }
  Expression& operator[](ExprId id) { return expressions_[id]; }
  std::size_t size() const { return expressions_.size(); }

  FileId file = 0;
  Body body;
  std::vector<Diagnostic> errors;  // in source order; reading went on after each
  std::vector<Comment> comments;

 private:
  std::vector<Expression> expressions_;
};

}  // namespace dnslint::hcl
