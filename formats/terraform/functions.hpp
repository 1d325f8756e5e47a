// Terraform's built-in functions, as far as DNS configurations use them and their result can
// be known before apply (docs/formats/terraform.md lists them). Functions that read files,
// time or randomness, and the regular expression ones, give unknown values.
#pragma once

#include <string_view>
#include <vector>

#include "formats/terraform/evaluator.hpp"
#include "formats/terraform/value.hpp"

namespace dnslint::hcl {

// The result of `name(arguments...)`: an error value for wrong arguments, unknown for a
// function dnslint does not evaluate. An unknown argument makes the result unknown, except
// where the function keeps it apart (concat, flatten, length, ... keep unknown elements).
Value call_function(std::string_view name, const std::vector<Value>& arguments,
                    const SourceLocation& at, EvaluationBudget& budget);

// The names of the functions dnslint evaluates, sorted.
std::vector<std::string_view> evaluated_functions();

}  // namespace dnslint::hcl
