#include "formats/terraform/type_constraint.hpp"

#include <fmt/format.h>

namespace dnslint::hcl {
namespace {

std::optional<TypeConstraint::Kind> primitive(std::string_view name) {
  if (name == "any") return TypeConstraint::Kind::any;
  if (name == "string") return TypeConstraint::Kind::string;
  if (name == "number") return TypeConstraint::Kind::number;
  if (name == "bool") return TypeConstraint::Kind::boolean;
  return std::nullopt;
}

class TypeParser {
 public:
  TypeParser(const SyntaxTree& tree, EvaluationBudget& budget, std::string& error)
      : tree_(tree), budget_(budget), error_(error) {}

  std::optional<TypeConstraint> parse(ExprId id, unsigned depth) {
    if (depth > 32) return fail("the type is nested too deeply");
    const ExpressionNode& node = tree_[id].node;
    TypeConstraint type;
    if (const auto* name = std::get_if<ScopeTraversal>(&node)) {
      if (!name->steps.empty()) return fail("a type name has no attributes");
      if (auto kind = primitive(name->root)) {
        type.kind = *kind;
        return type;
      }
      // A bare collection name is a collection of any type, as older configurations wrote it.
      if (name->root == "list" || name->root == "set" || name->root == "map") {
        type.kind = collection_kind(name->root);
        type.elements.push_back(TypeConstraint{});
        return type;
      }
      return fail(fmt::format("'{}' is not a type", name->root));
    }
    if (const auto* text = std::get_if<TemplateExpr>(&node)) {
      // Terraform 0.11 wrote types as strings: "string", "list", "map".
      if (text->parts.size() == 1) {
        if (const auto* literal = std::get_if<Literal>(&tree_[text->parts[0]].node)) {
          return legacy(literal->text);
        }
      }
      return fail("a type is not a string");
    }
    if (const auto* literal = std::get_if<Literal>(&node)) {
      if (literal->kind == Literal::Kind::string) return legacy(literal->text);
      return fail("a type is not a literal");
    }
    const auto* call = std::get_if<FunctionCall>(&node);
    if (call == nullptr) return fail("not a type expression");
    const std::string& name = call->name;
    if (name == "list" || name == "set" || name == "map") {
      if (call->arguments.size() != 1) return fail(fmt::format("{}() takes one type", name));
      auto element = parse(call->arguments[0], depth + 1);
      if (!element) return std::nullopt;
      type.kind = collection_kind(name);
      type.elements.push_back(std::move(*element));
      return type;
    }
    if (name == "tuple") {
      const auto* items = call->arguments.size() == 1
                              ? std::get_if<TupleCons>(&tree_[call->arguments[0]].node)
                              : nullptr;
      if (items == nullptr) return fail("tuple() takes a list of types");
      type.kind = TypeConstraint::Kind::tuple;
      for (ExprId item : items->items) {
        auto element = parse(item, depth + 1);
        if (!element) return std::nullopt;
        type.elements.push_back(std::move(*element));
      }
      return type;
    }
    if (name == "object") {
      const auto* fields = call->arguments.size() == 1
                               ? std::get_if<ObjectCons>(&tree_[call->arguments[0]].node)
                               : nullptr;
      if (fields == nullptr) return fail("object() takes an object of attribute types");
      type.kind = TypeConstraint::Kind::object;
      for (const ObjectItem& item : fields->items) {
        const auto* key = std::get_if<ScopeTraversal>(&tree_[item.key].node);
        std::string field_name;
        if (key != nullptr && key->steps.empty()) {
          field_name = key->root;
        } else if (const auto* text = std::get_if<TemplateExpr>(&tree_[item.key].node);
                   text != nullptr && text->parts.size() == 1 &&
                   std::holds_alternative<Literal>(tree_[text->parts[0]].node)) {
          field_name = std::get<Literal>(tree_[text->parts[0]].node).text;
        } else if (const auto* literal = std::get_if<Literal>(&tree_[item.key].node)) {
          field_name = literal->text;
        } else {
          return fail("an object attribute's name must be a name");
        }
        TypeConstraint::Attribute attribute;
        attribute.name = std::move(field_name);
        ExprId field_type = item.value;
        if (const auto* optional = std::get_if<FunctionCall>(&tree_[item.value].node);
            optional != nullptr && optional->name == "optional") {
          if (optional->arguments.empty() || optional->arguments.size() > 2)
            return fail("optional() takes a type and a default");
          attribute.optional = true;
          field_type = optional->arguments[0];
          if (optional->arguments.size() == 2) {
            Evaluator evaluator(tree_, budget_);
            const EmptyScope constants;
            attribute.fallback = evaluator.evaluate(optional->arguments[1], constants);
          }
        }
        auto parsed = parse(field_type, depth + 1);
        if (!parsed) return std::nullopt;
        attribute.type.push_back(std::move(*parsed));
        type.attributes.push_back(std::move(attribute));
      }
      return type;
    }
    return fail(fmt::format("{}() is not a type", name));
  }

 private:
  static TypeConstraint::Kind collection_kind(std::string_view name) {
    return name == "list"  ? TypeConstraint::Kind::list
           : name == "set" ? TypeConstraint::Kind::set
                           : TypeConstraint::Kind::map;
  }

  std::optional<TypeConstraint> legacy(std::string_view name) {
    TypeConstraint type;
    if (auto kind = primitive(name)) {
      type.kind = *kind;
      return type;
    }
    if (name == "list" || name == "map") {
      type.kind = collection_kind(name);
      type.elements.push_back(TypeConstraint{});
      return type;
    }
    return fail(fmt::format("\"{}\" is not a type", name));
  }

  std::optional<TypeConstraint> fail(std::string why) {
    error_ = std::move(why);
    return std::nullopt;
  }

  const SyntaxTree& tree_;
  EvaluationBudget& budget_;
  std::string& error_;
};

Value mismatch(const Value& value, std::string_view wanted) {
  return Value::error(fmt::format("{} does not convert to {}", value.describe(), wanted),
                      value.location());
}

}  // namespace

std::optional<TypeConstraint> parse_type(const SyntaxTree& tree, ExprId expression,
                                         EvaluationBudget& budget, std::string& error) {
  return TypeParser(tree, budget, error).parse(expression, 0);
}

Value convert(const Value& value, const TypeConstraint& type) {
  if (value.is_unknown() || value.is_null()) return value;
  const SourceLocation& at = value.location();
  switch (type.kind) {
    case TypeConstraint::Kind::any:
      return value;
    case TypeConstraint::Kind::string: {
      auto text = value.to_text();
      if (!text) return mismatch(value, "string");
      return Value::string(std::move(*text), at);
    }
    case TypeConstraint::Kind::number: {
      auto number = value.to_number();
      if (!number) return mismatch(value, "number");
      return Value::number(*number, at);
    }
    case TypeConstraint::Kind::boolean: {
      auto boolean = value.to_boolean();
      if (!boolean) return mismatch(value, "bool");
      return Value::boolean(*boolean, at);
    }
    case TypeConstraint::Kind::list:
    case TypeConstraint::Kind::set: {
      if (!value.is_sequence()) {
        return mismatch(value, type.kind == TypeConstraint::Kind::list ? "list" : "set");
      }
      Value::Elements elements;
      for (const Value& element : value.elements()) {
        Value converted = convert(element, type.elements.front());
        if (converted.is_error()) return converted;
        elements.push_back(std::move(converted));
      }
      return Value::sequence(
          type.kind == TypeConstraint::Kind::list ? Value::Kind::list : Value::Kind::set,
          std::move(elements), at);
    }
    case TypeConstraint::Kind::map: {
      if (!value.is_mapping() || value.is_lazy()) return mismatch(value, "map");
      Value::Attributes attributes;
      for (const auto& [name, element] : value.attributes()) {
        Value converted = convert(element, type.elements.front());
        if (converted.is_error()) return converted;
        attributes.emplace_back(name, std::move(converted));
      }
      return Value::mapping(Value::Kind::map, std::move(attributes), at);
    }
    case TypeConstraint::Kind::tuple: {
      if (!value.is_sequence() || value.elements().size() != type.elements.size())
        return mismatch(value, "the tuple type");
      Value::Elements elements;
      for (std::size_t i = 0; i < type.elements.size(); ++i) {
        Value converted = convert(value.elements()[i], type.elements[i]);
        if (converted.is_error()) return converted;
        elements.push_back(std::move(converted));
      }
      return Value::sequence(Value::Kind::tuple, std::move(elements), at);
    }
    case TypeConstraint::Kind::object: {
      if (!value.is_mapping() || value.is_lazy()) return mismatch(value, "object");
      Value::Attributes attributes;
      for (const TypeConstraint::Attribute& attribute : type.attributes) {
        auto given = value.attribute(attribute.name, at);
        if (!given || given->is_null()) {
          if (!attribute.optional) {
            return Value::error(
                fmt::format("the object lacks the required attribute \"{}\"", attribute.name), at);
          }
          attributes.emplace_back(attribute.name,
                                  attribute.fallback
                                      ? convert(*attribute.fallback, attribute.type.front())
                                      : Value::null(at));
          continue;
        }
        Value converted = convert(*given, attribute.type.front());
        if (converted.is_error()) return converted;
        attributes.emplace_back(attribute.name, std::move(converted));
      }
      return Value::mapping(Value::Kind::object, std::move(attributes), at);
    }
  }
  return value;
}

}  // namespace dnslint::hcl
