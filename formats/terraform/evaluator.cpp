#include "formats/terraform/evaluator.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "formats/terraform/functions.hpp"
#include "formats/terraform/hcl_parser.hpp"

namespace dnslint::hcl {
namespace {

// The first unknown value among `values`, so that an unknown operand makes the result unknown
// for the same reason (an error before a value known only after apply).
const Value* first_unknown(std::initializer_list<const Value*> values) {
  const Value* found = nullptr;
  for (const Value* value : values) {
    if (!value->is_unknown()) continue;
    if (value->is_error()) return value;
    if (found == nullptr) found = value;
  }
  return found;
}

// True when `inner` lies within `outer` (in one file).
bool contains(const SourceLocation& outer, const SourceLocation& inner) {
  auto before = [](std::uint32_t line_a, std::uint32_t column_a, std::uint32_t line_b,
                   std::uint32_t column_b) {
    return line_a < line_b || (line_a == line_b && column_a <= column_b);
  };
  return inner.line != 0 && outer.file == inner.file &&
         before(outer.line, outer.column, inner.line, inner.column) &&
         before(inner.end_line, inner.end_column, outer.end_line, outer.end_column);
}

Value carry(const Value& unknown, const SourceLocation& at) {
  return unknown.is_error() ? Value::error(unknown.why_unknown(), at)
                            : Value::unknown(unknown.why_unknown(), at);
}

}  // namespace

std::optional<std::string> Scope::read_file(std::string_view path, std::string& why) const {
  if (parent_ != nullptr) return parent_->read_file(path, why);
  why = fmt::format("{} is read from a module's folder, and there is none here", std::string(path));
  return std::nullopt;
}

Value Scope::lookup(const ScopeTraversal& traversal, std::size_t& steps_used,
                    const SourceLocation& at) const {
  for (const Scope* scope = this; scope != nullptr; scope = scope->parent_) {
    steps_used = 0;
    if (auto value = scope->resolve(traversal, steps_used, at)) return std::move(*value);
  }
  steps_used = 0;
  return Value::error(fmt::format("'{}' is not a name Terraform knows here", traversal.root), at);
}

void Bindings::bind(std::string name, Value value) {
  names_.emplace_back(std::move(name), std::move(value));
}

std::optional<Value> Bindings::resolve(const ScopeTraversal& traversal, std::size_t&,
                                       const SourceLocation&) const {
  for (auto it = names_.rbegin(); it != names_.rend(); ++it) {
    if (it->first == traversal.root) return it->second;
  }
  return std::nullopt;
}

Value literal_value(const Literal& literal, const SourceLocation& at) {
  switch (literal.kind) {
    case Literal::Kind::null:
      return Value::null(at);
    case Literal::Kind::boolean:
      return Value::boolean(literal.text == "true", at);
    case Literal::Kind::number:
      if (auto number = parse_number(literal.text)) return Value::number(*number, at);
      return Value::error(fmt::format("the number {} is out of range", literal.text), at);
    case Literal::Kind::string:
      return Value::string(literal.text, at);
  }
  return Value::null(at);
}

Value index_value(const Value& value, const Value& key, const SourceLocation& at) {
  if (const Value* unknown = first_unknown({&value, &key})) return carry(*unknown, at);
  if (value.is_null()) return Value::error("cannot index a null value", at);
  if (value.is_sequence()) {
    if (value.kind() == Value::Kind::set) {
      return Value::error("elements of a set cannot be taken by index; use tolist() first", at);
    }
    const auto number = key.to_number();
    if (!number || *number < 0 || std::floor(*number) != *number) {
      return Value::error(fmt::format("the index {} is not a whole number", key.describe()), at);
    }
    const auto position = static_cast<std::size_t>(*number);
    if (position >= value.elements().size()) {
      return Value::error(
          fmt::format("the index {} is out of range for a {} of {} elements",
                      format_number(*number), value.type_name(), value.elements().size()),
          at);
    }
    return value.elements()[position];
  }
  if (value.is_mapping()) {
    const auto name = key.to_text();
    if (!name) return Value::error(fmt::format("{} is not a valid key", key.describe()), at);
    return attribute_value(value, *name, at);
  }
  return Value::error(fmt::format("a {} value cannot be indexed", value.type_name()), at);
}

Value attribute_value(const Value& value, const std::string& name, const SourceLocation& at) {
  if (value.is_unknown()) return carry(value, at);
  if (value.is_null()) return Value::error(fmt::format("'{}' of a null value", name), at);
  if (!value.is_mapping()) {
    return Value::error(fmt::format("a {} value has no attribute '{}'", value.type_name(), name),
                        at);
  }
  if (auto found = value.attribute(name, at)) return std::move(*found);
  return Value::error(
      fmt::format("{} has no attribute or key '{}'",
                  value.is_lazy() ? value.lazy_object()->describe() : "the object", name),
      at);
}

Value over_budget(const SourceLocation& at) {
  return Value::unknown("the configuration takes more evaluation than dnslint spends on one module",
                        at);
}

Value Evaluator::charged(Value made) {
  if (!budget_.take_elements(EvaluationBudget::cost(made))) return over_budget(made.location());
  return made;
}

Value Evaluator::evaluate(ExprId id, const Scope& scope) {
  if (id == kNoExpr) return Value::null();
  if (budget_.exhausted() || budget_.depth >= budget_.max_depth) {
    budget_.steps = 0;
    return over_budget(location(id));
  }
  --budget_.steps;
  ++budget_.depth;
  Value value = evaluate_node(id, scope);
  --budget_.depth;
  return value;
}

Value Evaluator::evaluate_node(ExprId id, const Scope& scope) {
  const Expression& expression = tree_[id];
  const SourceLocation at = location(id);
  return std::visit(
      [&](const auto& node) -> Value {
        using T = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<T, Literal>) {
          return literal_value(node, at);
        } else if constexpr (std::is_same_v<T, TemplateExpr>) {
          return template_value(node, id, scope);
        } else if constexpr (std::is_same_v<T, TemplateWrap>) {
          // "${expr}" is one value: where it was written here, it is the whole string.
          Value inner = evaluate(node.inner, scope);
          if (contains(at, inner.location())) inner.at(at);
          return inner;
        } else if constexpr (std::is_same_v<T, TemplateIf>) {
          return template_if(node, id, scope);
        } else if constexpr (std::is_same_v<T, TemplateFor>) {
          return template_for(node, id, scope);
        } else if constexpr (std::is_same_v<T, ScopeTraversal>) {
          std::size_t used = 0;
          Value root = scope.lookup(node, used, at);
          if (root.is_unknown() && !root.is_error()) {
            // Known only after apply: say which reference, in full.
            return Value::unknown(root.why_unknown(), at);
          }
          return steps(std::move(root), node.steps, used, at);
        } else if constexpr (std::is_same_v<T, RelativeTraversal>) {
          return steps(evaluate(node.source, scope), node.steps, 0, at);
        } else if constexpr (std::is_same_v<T, FunctionCall>) {
          return call(node, id, scope);
        } else if constexpr (std::is_same_v<T, TupleCons>) {
          Value::Elements elements;
          elements.reserve(node.items.size());
          for (ExprId item : node.items) elements.push_back(evaluate(item, scope));
          return charged(Value::sequence(Value::Kind::tuple, std::move(elements), at));
        } else if constexpr (std::is_same_v<T, ObjectCons>) {
          return object(node, id, scope);
        } else if constexpr (std::is_same_v<T, ForExpr>) {
          return for_expression(node, id, scope);
        } else if constexpr (std::is_same_v<T, IndexExpr>) {
          return index(node, id, scope);
        } else if constexpr (std::is_same_v<T, SplatExpr>) {
          return splat(node, id, scope);
        } else if constexpr (std::is_same_v<T, AnonSymbol>) {
          return anon_symbol(id);
        } else if constexpr (std::is_same_v<T, UnaryOp>) {
          return unary(node, id, scope);
        } else if constexpr (std::is_same_v<T, BinaryOp>) {
          return binary(node, id, scope);
        } else if constexpr (std::is_same_v<T, Conditional>) {
          return conditional(node, id, scope);
        } else if constexpr (std::is_same_v<T, Parentheses>) {
          return evaluate(node.inner, scope);
        } else {
          return Value::error("the expression has a syntax error", at);
        }
      },
      expression.node);
}

Value Evaluator::steps(Value value, const std::vector<Step>& steps, std::size_t from,
                       const SourceLocation& at) {
  for (std::size_t i = from; i < steps.size(); ++i) {
    const Step& step = steps[i];
    if (step.kind == Step::Kind::attribute) {
      value = attribute_value(value, step.name, at);
    } else {
      value = index_value(value, literal_value(step.key, at), at);
    }
  }
  return value;
}

Value Evaluator::template_value(const TemplateExpr& node, ExprId id, const Scope& scope) {
  const SourceLocation at = location(id);
  std::string text;
  std::optional<Value> unknown;
  for (ExprId part : node.parts) {
    Value value = evaluate(part, scope);
    if (value.is_unknown()) {
      if (!unknown || (value.is_error() && !unknown->is_error())) unknown = std::move(value);
      continue;
    }
    if (value.is_null()) {
      unknown = Value::error("a template cannot include a null value", at);
      continue;
    }
    auto part_text = value.to_text();
    if (!part_text) {
      unknown =
          Value::error(fmt::format("a template cannot include a {} value", value.type_name()), at);
      continue;
    }
    text += *part_text;
  }
  if (unknown) return carry(*unknown, at);
  return charged(Value::string(std::move(text), at));
}

Value Evaluator::evaluate_template_text(ExprId id, const Scope& scope) {
  Value value = evaluate(id, scope);
  if (value.is_unknown() || value.kind() == Value::Kind::string) return value;
  if (auto text = value.to_text()) return Value::string(*text, value.location());
  return Value::error(fmt::format("a template cannot include a {} value", value.type_name()),
                      location(id));
}

Value Evaluator::template_if(const TemplateIf& node, ExprId id, const Scope& scope) {
  const SourceLocation at = location(id);
  const Value condition = evaluate(node.condition, scope);
  if (condition.is_unknown()) return carry(condition, at);
  const auto chosen = condition.to_boolean();
  if (!chosen) {
    return Value::error(
        fmt::format("an %{{if}} condition must be true or false, not {}", condition.describe()),
        at);
  }
  if (*chosen) return evaluate_template_text(node.then_branch, scope);
  if (node.else_branch == kNoExpr) return Value::string("", at);
  return evaluate_template_text(node.else_branch, scope);
}

Value Evaluator::template_for(const TemplateFor& node, ExprId id, const Scope& scope) {
  const SourceLocation at = location(id);
  const Value collection = evaluate(node.collection, scope);
  if (collection.is_unknown()) return carry(collection, at);
  std::string text;
  auto each = [&](Value key, const Value& value) -> std::optional<Value> {
    Bindings bindings(scope);
    if (!node.key_var.empty()) bindings.bind(node.key_var, std::move(key));
    bindings.bind(node.value_var, value);
    Value part = evaluate_template_text(node.body, bindings);
    if (part.is_unknown()) return part;
    text += part.as_string();
    return std::nullopt;
  };
  if (collection.is_sequence()) {
    for (std::size_t i = 0; i < collection.elements().size(); ++i) {
      if (auto failed = each(Value::number(static_cast<double>(i), at), collection.elements()[i]))
        return carry(*failed, at);
    }
  } else if (collection.is_mapping() && !collection.is_lazy()) {
    for (const auto& [name, value] : collection.attributes()) {
      if (auto failed = each(Value::string(name, at), value)) return carry(*failed, at);
    }
  } else {
    return Value::error(
        fmt::format("a %{{for}} directive cannot iterate over a {} value", collection.type_name()),
        at);
  }
  return charged(Value::string(std::move(text), at));
}

Value Evaluator::call(const FunctionCall& node, ExprId id, const Scope& scope) {
  const SourceLocation at = location(id);
  std::vector<Value> arguments;
  arguments.reserve(node.arguments.size());
  for (ExprId argument : node.arguments) arguments.push_back(evaluate(argument, scope));
  if (node.expand_last && !arguments.empty()) {
    Value last = std::move(arguments.back());
    arguments.pop_back();
    if (last.is_unknown()) return carry(last, at);
    if (!last.is_sequence()) {
      return Value::error(fmt::format("the expanded argument of {}(...) must be a list, not a {}",
                                      node.name, last.type_name()),
                          at);
    }
    for (const Value& element : last.elements()) arguments.push_back(element);
  }
  if (node.name == "file" || node.name == "fileexists" || node.name == "filebase64" ||
      node.name == "templatefile") {
    return file_function(node.name, arguments, at, scope);
  }
  return call_function(node.name, arguments, at, budget_);
}

Value Evaluator::file_function(std::string_view name, const std::vector<Value>& arguments,
                               const SourceLocation& at, const Scope& scope) {
  const std::size_t wanted = name == "templatefile" ? 2 : 1;
  if (arguments.size() != wanted) {
    return Value::error(fmt::format("{}(): {} arguments given", name, arguments.size()), at);
  }
  for (const Value& argument : arguments) {
    if (argument.has_unknown()) return carry(argument, at);
  }
  const auto path = arguments[0].to_text();
  if (!path) return Value::error(fmt::format("{}(): the path must be a string", name), at);
  std::string why;
  const std::optional<std::string> content = scope.read_file(*path, why);
  if (name == "fileexists") {
    if (content) return Value::boolean(true, at);
    // Absent is false; a file that is there but may not be read is not known.
    return why.find("not found") != std::string::npos ? Value::boolean(false, at)
                                                      : Value::unknown(why, at);
  }
  if (!content) {
    // A file that does not exist is one Terraform fails on; one dnslint may not read is only
    // unknown to it.
    return why.find("not found") != std::string::npos
               ? Value::error(fmt::format("{}(): {}", name, why), at)
               : Value::unknown(fmt::format("{}(\"{}\") is not read: {}", name, *path, why), at);
  }
  if (name == "filebase64")
    return call_function("base64encode", {Value::string(*content)}, at, budget_);
  if (name == "file") return Value::string(*content, at);
  // templatefile(path, vars): the file is a template evaluated with `vars` as its only names.
  const Value& variables = arguments[1];
  if (!variables.is_mapping() || variables.is_lazy()) {
    return Value::error("templatefile(): the variables must be an object or a map", at);
  }
  SyntaxTree tree;
  tree.file = at.file;
  const ExprId body = parse_template(*content, {}, tree);
  if (!tree.errors.empty()) {
    return Value::error(
        fmt::format("templatefile(\"{}\"): line {}: {}", *path,
                    tree.errors.front().range.start.line, tree.errors.front().message),
        at);
  }
  Bindings names;
  for (const auto& [variable, value] : variables.attributes()) names.bind(variable, value);
  Evaluator evaluator(tree, budget_);
  Value text = evaluator.evaluate_template_text(body, names);
  if (text.is_known()) text.at(at);
  return text;
}

Value Evaluator::object(const ObjectCons& node, ExprId id, const Scope& scope) {
  const SourceLocation at = location(id);
  Value::Attributes attributes;
  attributes.reserve(node.items.size());
  std::optional<Value> unknown_key;
  for (const ObjectItem& item : node.items) {
    std::string name;
    const auto* bare = std::get_if<ScopeTraversal>(&tree_[item.key].node);
    if (bare != nullptr && bare->steps.empty() && !item.key_forced) {
      // {name = ...}: a bare name is the key itself (spec: "Collection Values").
      name = bare->root;
    } else {
      const Value key = evaluate(item.key, scope);
      if (key.is_unknown()) {
        if (!unknown_key) unknown_key = key;
        continue;
      }
      auto text = key.to_text();
      if (!text) {
        return Value::error(
            fmt::format("an object key must be a string, not a {}", key.type_name()), at);
      }
      name = std::move(*text);
    }
    attributes.emplace_back(std::move(name), evaluate(item.value, scope));
  }
  // An unknown key makes the whole object's shape unknown.
  if (unknown_key) return carry(*unknown_key, at);
  return charged(Value::mapping(Value::Kind::object, std::move(attributes), at));
}

Value Evaluator::for_expression(const ForExpr& node, ExprId id, const Scope& scope) {
  const SourceLocation at = location(id);
  const Value collection = evaluate(node.collection, scope);
  if (collection.is_unknown()) return carry(collection, at);
  std::vector<std::pair<Value, Value>> items;  // key, value of the collection
  if (collection.is_sequence()) {
    for (std::size_t i = 0; i < collection.elements().size(); ++i) {
      const Value& element = collection.elements()[i];
      // A set's elements are their own keys.
      items.emplace_back(collection.kind() == Value::Kind::set
                             ? element
                             : Value::number(static_cast<double>(i), at),
                         element);
    }
  } else if (collection.is_mapping() && !collection.is_lazy()) {
    for (const auto& [name, value] : collection.attributes())
      items.emplace_back(Value::string(name, at), value);
  } else if (collection.is_null()) {
    return Value::error("a for expression cannot iterate over null", at);
  } else {
    return Value::error(
        fmt::format("a for expression cannot iterate over a {} value", collection.type_name()), at);
  }
  Value::Elements elements;
  Value::Attributes attributes;
  std::vector<std::pair<std::string, Value::Elements>> groups;
  for (auto& [key, value] : items) {
    if (budget_.exhausted()) break;
    --budget_.steps;
    Bindings bindings(scope);
    if (!node.key_var.empty()) bindings.bind(node.key_var, key);
    bindings.bind(node.value_var, value);
    if (node.condition != kNoExpr) {
      const Value keep = evaluate(node.condition, bindings);
      if (keep.is_unknown()) return carry(keep, at);
      const auto chosen = keep.to_boolean();
      if (!chosen) {
        return Value::error(
            fmt::format("a for expression's if clause must be true or false, not {}",
                        keep.describe()),
            at);
      }
      if (!*chosen) continue;
    }
    if (!node.object) {
      elements.push_back(evaluate(node.value, bindings));
      continue;
    }
    const Value name = evaluate(node.key, bindings);
    if (name.is_unknown()) return carry(name, at);
    auto text = name.to_text();
    if (!text) {
      return Value::error(
          fmt::format("a for expression's key must be a string, not a {}", name.type_name()), at);
    }
    Value item = evaluate(node.value, bindings);
    if (node.group) {
      auto group = std::find_if(groups.begin(), groups.end(),
                                [&](const auto& entry) { return entry.first == *text; });
      if (group == groups.end()) {
        groups.emplace_back(*text, Value::Elements{});
        group = std::prev(groups.end());
      }
      group->second.push_back(std::move(item));
      continue;
    }
    for (const auto& [existing, ignored] : attributes) {
      if (existing == *text) {
        return Value::error(
            fmt::format("the for expression makes the key \"{}\" twice; add \"...\" after the "
                        "value to group values by key",
                        *text),
            at);
      }
    }
    attributes.emplace_back(std::move(*text), std::move(item));
  }
  if (budget_.exhausted()) return over_budget(at);
  if (!node.object) return charged(Value::sequence(Value::Kind::tuple, std::move(elements), at));
  if (node.group) {
    for (auto& [name, values] : groups) {
      attributes.emplace_back(std::move(name),
                              Value::sequence(Value::Kind::tuple, std::move(values), at));
    }
  }
  return charged(Value::mapping(Value::Kind::object, std::move(attributes), at));
}

Value Evaluator::index(const IndexExpr& node, ExprId id, const Scope& scope) {
  return index_value(evaluate(node.collection, scope), evaluate(node.key, scope), location(id));
}

Value Evaluator::splat(const SplatExpr& node, ExprId id, const Scope& scope) {
  const SourceLocation at = location(id);
  const Value source = evaluate(node.source, scope);
  if (source.is_unknown()) return carry(source, at);
  // Splats turn a null into an empty tuple and any other single value into a tuple of one
  // (spec: "Splat Operators").
  Value::Elements sources;
  if (source.is_sequence()) {
    sources = source.elements();
  } else if (!source.is_null()) {
    sources.push_back(source);
  }
  Value::Elements results;
  results.reserve(sources.size());
  for (Value& element : sources) {
    splat_items_.emplace_back(node.item, std::move(element));
    results.push_back(evaluate(node.each, scope));
    splat_items_.pop_back();
  }
  const Value::Kind kind = source.kind() == Value::Kind::list || source.kind() == Value::Kind::set
                               ? Value::Kind::list
                               : Value::Kind::tuple;
  return charged(Value::sequence(kind, std::move(results), at));
}

Value Evaluator::anon_symbol(ExprId id) {
  for (auto it = splat_items_.rbegin(); it != splat_items_.rend(); ++it) {
    if (it->first == id) return it->second;
  }
  return Value::error("a splat element outside its splat", location(id));
}

Value Evaluator::unary(const UnaryOp& node, ExprId id, const Scope& scope) {
  const SourceLocation at = location(id);
  const Value operand = evaluate(node.operand, scope);
  if (operand.is_unknown()) return carry(operand, at);
  if (node.op == Operator::negate) {
    const auto number = operand.to_number();
    if (!number) {
      return Value::error(fmt::format("-{} is not a number", operand.describe()), at);
    }
    return Value::number(-*number, at);
  }
  const auto boolean = operand.to_boolean();
  if (!boolean) return Value::error(fmt::format("!{} is not a bool", operand.describe()), at);
  return Value::boolean(!*boolean, at);
}

Value Evaluator::binary(const BinaryOp& node, ExprId id, const Scope& scope) {
  const SourceLocation at = location(id);
  const Value left = evaluate(node.left, scope);
  const Value right = evaluate(node.right, scope);
  switch (node.op) {
    case Operator::equal:
    case Operator::not_equal: {
      const auto same = equals(left, right);
      if (!same) return carry(*first_unknown({&left, &right}), at);
      return Value::boolean(node.op == Operator::equal ? *same : !*same, at);
    }
    case Operator::logical_and:
    case Operator::logical_or: {
      if (const Value* unknown = first_unknown({&left, &right})) return carry(*unknown, at);
      const auto a = left.to_boolean();
      const auto b = right.to_boolean();
      if (!a || !b) {
        return Value::error(fmt::format("{} {} {}: both operands must be bools", left.describe(),
                                        operator_text(node.op), right.describe()),
                            at);
      }
      return Value::boolean(node.op == Operator::logical_and ? *a && *b : *a || *b, at);
    }
    default:
      break;
  }
  if (const Value* unknown = first_unknown({&left, &right})) return carry(*unknown, at);
  const auto a = left.to_number();
  const auto b = right.to_number();
  if (!a || !b) {
    return Value::error(fmt::format("{} {} {}: both operands must be numbers", left.describe(),
                                    operator_text(node.op), right.describe()),
                        at);
  }
  switch (node.op) {
    case Operator::add:
      return Value::number(*a + *b, at);
    case Operator::subtract:
      return Value::number(*a - *b, at);
    case Operator::multiply:
      return Value::number(*a * *b, at);
    case Operator::divide:
      if (*b == 0) return Value::error("division by zero", at);
      return Value::number(*a / *b, at);
    case Operator::modulo:
      if (*b == 0) return Value::error("modulo by zero", at);
      return Value::number(std::fmod(*a, *b), at);
    case Operator::less:
      return Value::boolean(*a < *b, at);
    case Operator::less_equal:
      return Value::boolean(*a <= *b, at);
    case Operator::greater:
      return Value::boolean(*a > *b, at);
    case Operator::greater_equal:
      return Value::boolean(*a >= *b, at);
    default:
      return Value::error("an operator dnslint does not know", at);
  }
}

Value Evaluator::conditional(const Conditional& node, ExprId id, const Scope& scope) {
  const SourceLocation at = location(id);
  const Value condition = evaluate(node.condition, scope);
  if (condition.is_unknown()) return carry(condition, at);
  const auto chosen = condition.to_boolean();
  if (!chosen) {
    return Value::error(
        fmt::format("a condition must be true or false, not {}", condition.describe()), at);
  }
  // Only the chosen branch is evaluated: `length(l) > 0 ? l[0] : d` is fine on an empty l.
  return evaluate(*chosen ? node.if_true : node.if_false, scope);
}

}  // namespace dnslint::hcl
