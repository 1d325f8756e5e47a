// Terraform type constraints (a variable's `type`: string, list(string), object({...}), with
// optional attributes and their defaults) and the conversion of values to them, which decides
// for example that a list given to a set(string) variable can drive for_each.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "formats/terraform/evaluator.hpp"
#include "formats/terraform/hcl_syntax.hpp"
#include "formats/terraform/value.hpp"

namespace dnslint::hcl {

struct TypeConstraint {
  enum class Kind : std::uint8_t { any, string, number, boolean, list, set, map, tuple, object };
  struct Attribute {
    std::string name;
    std::vector<TypeConstraint> type;  // one element (a vector only to nest the type)
    bool optional = false;
    std::optional<Value> fallback;  // optional(type, default)
  };
  Kind kind = Kind::any;
  std::vector<TypeConstraint> elements;  // list, set, map: one; tuple: one per element
  std::vector<Attribute> attributes;     // object
};

// The constraint a type expression states; nullopt (with the reason in `error`) when it is not
// one.
std::optional<TypeConstraint> parse_type(const SyntaxTree& tree, ExprId expression,
                                         EvaluationBudget& budget, std::string& error);

// `value` converted to `type` as Terraform converts a variable's value; an error value when it
// does not convert. Unknown and null values stay as they are.
Value convert(const Value& value, const TypeConstraint& type);

}  // namespace dnslint::hcl
