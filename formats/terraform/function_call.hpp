// How Terraform's built-in functions are written (functions.cpp and the files beside it): a
// call's arguments with the helpers that read them, and a function's arity and handler.
#pragma once

#include <fmt/format.h>

#include <cmath>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "formats/terraform/evaluator.hpp"
#include "formats/terraform/value.hpp"

namespace dnslint::hcl {

// One call: its arguments and the helpers its function needs to read them.
class Call {
 public:
  Call(std::string_view name, const std::vector<Value>& arguments, const SourceLocation& at,
       EvaluationBudget& budget)
      : name_(name), arguments_(arguments), at_(at), budget_(budget) {}

  std::size_t count() const { return arguments_.size(); }
  const Value& operator[](std::size_t i) const { return arguments_[i]; }
  const SourceLocation& at() const { return at_; }
  EvaluationBudget& budget() const { return budget_; }

  Value error(std::string_view why) const {
    return Value::error(fmt::format("{}(): {}", name_, why), at_);
  }
  Value string(std::string text) const { return charged(Value::string(std::move(text), at_)); }
  Value number(double n) const { return Value::number(n, at_); }
  Value boolean(bool b) const { return Value::boolean(b, at_); }
  Value list(Value::Elements elements, Value::Kind kind = Value::Kind::list) const {
    return charged(Value::sequence(kind, std::move(elements), at_));
  }
  Value charged(Value made) const {
    if (!budget_.take_elements(EvaluationBudget::cost(made))) return over_budget(at_);
    return made;
  }

  // The argument as text (numbers and bools convert, as Terraform converts them to strings).
  std::optional<std::string> text(std::size_t i) const { return arguments_[i].to_text(); }
  std::optional<double> number_at(std::size_t i) const { return arguments_[i].to_number(); }
  std::optional<long long> integer(std::size_t i) const {
    const auto n = number_at(i);
    if (!n || std::floor(*n) != *n || std::fabs(*n) > 9.0e15) return std::nullopt;
    return static_cast<long long>(*n);
  }

 private:
  std::string_view name_;
  const std::vector<Value>& arguments_;
  SourceLocation at_;
  EvaluationBudget& budget_;
};

using Handler = std::function<Value(const Call&)>;

struct Function {
  std::size_t min_arguments;
  std::size_t max_arguments;  // SIZE_MAX: variadic
  // Reads unknown arguments itself (keeps unknown elements, or needs only some arguments).
  bool takes_unknown;
  Handler handler;
};

constexpr std::size_t kVariadic = static_cast<std::size_t>(-1);

using FunctionTable = std::map<std::string_view, Function>;

// The encoding, hashing and regular expression functions (functions_encoding.cpp).
void add_encoding_functions(FunctionTable& table);

// replace(text, "/pattern/", replacement): every match of the RE2 pattern replaced, with $1,
// ${1} and ${name} in the replacement standing for the groups (Go's regexp.Expand).
Value replace_regex(const Call& call, const std::string& text, const std::string& pattern,
                    const std::string& replacement);

}  // namespace dnslint::hcl
