// Values of HCL expressions (the syntax-agnostic information model's types: primitives,
// collections and structures), as far as dnslint evaluates them statically. A value that
// cannot be known before `terraform apply` (or that dnslint does not compute) is `unknown`
// with the reason, and propagates as Terraform's unknown values do.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/location.hpp"

namespace dnslint::hcl {

class Value;

// An object whose attributes are computed when asked: a resource or module instance, whose
// attributes mostly nothing reads.
class LazyObject {
 public:
  virtual ~LazyObject() = default;
  virtual Value attribute(std::string_view name, const SourceLocation& at) const = 0;
  // How messages name it: "aws_route53_zone.main".
  virtual std::string describe() const = 0;
};

class Value {
 public:
  enum class Kind : std::uint8_t {
    null,
    unknown,
    boolean,
    number,
    string,
    tuple,  // [...], what most expressions make
    list,
    set,     // unique elements in a stable order
    object,  // {...}, what most expressions make
    map,
  };
  using Elements = std::vector<Value>;
  using Attributes = std::vector<std::pair<std::string, Value>>;  // sorted by name, unique

  Value() = default;
  static Value null(const SourceLocation& at = {});
  static Value unknown(std::string why, const SourceLocation& at = {});
  // A value whose evaluation fails (an index out of range, a wrong argument): unknown too,
  // but `try` and `can` tell it from a value known only after apply.
  static Value error(std::string why, const SourceLocation& at = {});
  static Value boolean(bool value, const SourceLocation& at = {});
  static Value number(double value, const SourceLocation& at = {});
  static Value string(std::string value, const SourceLocation& at = {});
  // kind: tuple, list or set (a set's elements are made unique and sorted).
  static Value sequence(Kind kind, Elements elements, const SourceLocation& at = {});
  // kind: object or map. Later duplicates of a name replace earlier ones.
  static Value mapping(Kind kind, Attributes attributes, const SourceLocation& at = {});
  static Value lazy(std::shared_ptr<const LazyObject> object, const SourceLocation& at = {});

  Kind kind() const { return kind_; }
  bool is_null() const { return kind_ == Kind::null; }
  bool is_unknown() const { return kind_ == Kind::unknown; }
  bool is_known() const { return kind_ != Kind::unknown; }
  bool is_error() const { return failed_; }
  bool is_sequence() const {
    return kind_ == Kind::tuple || kind_ == Kind::list || kind_ == Kind::set;
  }
  bool is_mapping() const { return kind_ == Kind::object || kind_ == Kind::map; }
  bool is_lazy() const { return lazy_ != nullptr; }
  // True when the value or anything inside it is unknown.
  bool has_unknown() const;

  bool as_boolean() const { return boolean_; }
  double as_number() const { return number_; }
  const std::string& as_string() const { return text_; }
  // Why an unknown value is not known.
  const std::string& why_unknown() const { return text_; }
  const Elements& elements() const;
  const Attributes& attributes() const;
  const LazyObject* lazy_object() const { return lazy_.get(); }

  // An attribute of an object or map (lazy ones are computed); nullopt when it has none.
  std::optional<Value> attribute(std::string_view name, const SourceLocation& at) const;

  // Where the value was written.
  const SourceLocation& location() const { return location_; }
  Value& at(const SourceLocation& location) {
    location_ = location;
    return *this;
  }

  // Marks the identity of a zone resource (`aws_route53_zone.main.zone_id`): the text is the
  // zone's domain name, which a record's zone attribute resolves to. `created_here` is false
  // for a data source, a zone that exists already and is managed elsewhere; `resource` is the
  // instance that creates it ("module.dns.aws_route53_zone.public"), empty for a data source.
  bool zone_reference() const { return zone_reference_; }
  bool zone_created_here() const { return zone_created_here_; }
  const std::string& zone_resource() const { return zone_resource_; }
  Value& as_zone_reference(bool created_here, std::string resource = {}) {
    zone_reference_ = true;
    zone_created_here_ = created_here;
    zone_resource_ = std::move(resource);
    return *this;
  }

  // The value as a string where HCL converts it to one (templates, string parameters):
  // strings, numbers and booleans. nullopt for the others.
  std::optional<std::string> to_text() const;
  // The value as a number where HCL converts it to one ("10" is 10).
  std::optional<double> to_number() const;
  std::optional<bool> to_boolean() const;

  // Values equal by type and content (HCL's ==); unknown compare unknown (nullopt).
  friend std::optional<bool> equals(const Value& a, const Value& b);
  // A total order for sets and sorting; unknown values sort last.
  friend bool operator<(const Value& a, const Value& b);

  // How the value reads in messages: "\"mx1.example.com\"", "[\"a\", 2]", "(known after apply)".
  std::string describe() const;
  // The type's name in messages: "string", "tuple", "map of string".
  std::string_view type_name() const;

 private:
  Kind kind_ = Kind::null;
  bool boolean_ = false;
  bool zone_reference_ = false;
  bool zone_created_here_ = false;
  bool failed_ = false;
  double number_ = 0;
  std::string text_;
  std::string zone_resource_;
  std::shared_ptr<const Elements> elements_;
  std::shared_ptr<const Attributes> attributes_;
  std::shared_ptr<const LazyObject> lazy_;
  SourceLocation location_;
};

// A number as HCL writes it in a string: integers without a point, others in their shortest
// exact decimal form.
std::string format_number(double number);
// A decimal number as written in HCL or in a string ("10", "1.5e3", "-2"); nullopt otherwise.
std::optional<double> parse_number(std::string_view text);

}  // namespace dnslint::hcl
