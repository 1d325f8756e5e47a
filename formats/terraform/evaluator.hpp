// Evaluation of HCL expressions (hclsyntax spec.md, "Expressions" and "Templates") over the
// values of value.hpp. What an expression refers to comes from a chain of scopes: Terraform's
// module scope (var, local, resources, ...) at the root, and the variables that for
// expressions, template directives and dynamic blocks bind above it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "formats/terraform/hcl_syntax.hpp"
#include "formats/terraform/value.hpp"

namespace dnslint::hcl {

class Scope {
 public:
  explicit Scope(const Scope* parent = nullptr) : parent_(parent) {}
  virtual ~Scope() = default;
  Scope(const Scope&) = delete;
  Scope& operator=(const Scope&) = delete;

  // The value `traversal` names, found in this scope or its parents, and how many of its steps
  // that took (`var.name` takes one, a resource type its name). A root no scope knows is an
  // error value.
  Value lookup(const ScopeTraversal& traversal, std::size_t& steps_used,
               const SourceLocation& at) const;

  // The text of a file that file() or templatefile() names, as the module whose scope this is
  // reads it; nullopt with `why` otherwise. Scopes without a module ask their parent.
  virtual std::optional<std::string> read_file(std::string_view path, std::string& why) const;

 protected:
  // As lookup, for this scope alone; nullopt when the root is not this scope's.
  virtual std::optional<Value> resolve(const ScopeTraversal& traversal, std::size_t& steps_used,
                                       const SourceLocation& at) const = 0;

 private:
  const Scope* parent_;
};

// A scope with no names: constants (variable defaults, tfvars values, a type's defaults) are
// evaluated in it.
class EmptyScope : public Scope {
 protected:
  std::optional<Value> resolve(const ScopeTraversal&, std::size_t&,
                               const SourceLocation&) const override {
    return std::nullopt;
  }
};

// Names bound to values, over a parent scope or alone.
class Bindings : public Scope {
 public:
  Bindings() = default;
  explicit Bindings(const Scope& parent) : Scope(&parent) {}
  void bind(std::string name, Value value);

 protected:
  std::optional<Value> resolve(const ScopeTraversal& traversal, std::size_t& steps_used,
                               const SourceLocation& at) const override;

 private:
  std::vector<std::pair<std::string, Value>> names_;
};

// What evaluation may spend, shared by every evaluation of one input: hostile input (locals
// that double a list at every step, a range of a billion numbers, references that recurse) ends
// in unknown values instead of exhausting time, memory or the stack.
struct EvaluationBudget {
  std::uint64_t steps = 50'000'000;    // expressions evaluated
  std::uint64_t elements = 1'000'000;  // collection elements and 32-byte pieces of text made
  unsigned max_depth = 256;            // evaluations nested in each other
  unsigned depth = 0;
  bool exhausted() const { return steps == 0 || elements == 0; }
  // Spends `count` elements; false, leaving the budget exhausted, when fewer are left.
  bool take_elements(std::uint64_t count) {
    if (count > elements) {
      elements = 0;
      return false;
    }
    elements -= count;
    return true;
  }
  // What a value made anew costs.
  static std::uint64_t cost(const Value& value) {
    return value.elements().size() + value.attributes().size() +
           (value.kind() == Value::Kind::string ? value.as_string().size() / 32 : 0);
  }
};

// The value that stands for what the budget did not allow.
Value over_budget(const SourceLocation& at);

class Evaluator {
 public:
  Evaluator(const SyntaxTree& tree, EvaluationBudget& budget) : tree_(tree), budget_(budget) {}

  Value evaluate(ExprId id, const Scope& scope);
  // The value of a template that must be a string (a template for directive's body).
  Value evaluate_template_text(ExprId id, const Scope& scope);

  const SyntaxTree& tree() const { return tree_; }
  SourceLocation location(ExprId id) const { return to_location(tree_.file, tree_[id].range); }

 private:
  Value evaluate_node(ExprId id, const Scope& scope);
  Value template_value(const TemplateExpr& node, ExprId id, const Scope& scope);
  Value template_if(const TemplateIf& node, ExprId id, const Scope& scope);
  Value template_for(const TemplateFor& node, ExprId id, const Scope& scope);
  Value steps(Value value, const std::vector<Step>& steps, std::size_t from,
              const SourceLocation& at);
  Value call(const FunctionCall& node, ExprId id, const Scope& scope);
  // file(), fileexists(), filebase64() and templatefile(): they read through the scope.
  Value file_function(std::string_view name, const std::vector<Value>& arguments,
                      const SourceLocation& at, const Scope& scope);
  Value object(const ObjectCons& node, ExprId id, const Scope& scope);
  Value for_expression(const ForExpr& node, ExprId id, const Scope& scope);
  Value index(const IndexExpr& node, ExprId id, const Scope& scope);
  Value splat(const SplatExpr& node, ExprId id, const Scope& scope);
  Value unary(const UnaryOp& node, ExprId id, const Scope& scope);
  Value binary(const BinaryOp& node, ExprId id, const Scope& scope);
  Value conditional(const Conditional& node, ExprId id, const Scope& scope);
  Value anon_symbol(ExprId id);
  // `made`, a value this evaluation built, charged to the budget.
  Value charged(Value made);

  const SyntaxTree& tree_;
  EvaluationBudget& budget_;
  // The elements splat expressions stand at, innermost last.
  std::vector<std::pair<ExprId, Value>> splat_items_;
};

// The value of `value[key]`: a sequence by a whole number, a mapping by a string.
Value index_value(const Value& value, const Value& key, const SourceLocation& at);
// The value of `value.name`.
Value attribute_value(const Value& value, const std::string& name, const SourceLocation& at);

// The value of a literal expression (number text parsed, escapes already resolved).
Value literal_value(const Literal& literal, const SourceLocation& at);

}  // namespace dnslint::hcl
