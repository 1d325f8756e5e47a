#include "formats/terraform/module.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "formats/terraform/resources.hpp"
#include "model/reported_rules.hpp"

namespace dnslint::terraform {
namespace {

using hcl::Value;

constexpr std::string_view kSyntaxError = rule_id::syntax_error;
// Module calls nested deeper than this are not followed (Terraform has no limit, but no real
// configuration comes near it and a module that calls itself would never end).
constexpr std::size_t kMaxModuleDepth = 32;

SourceLocation location_of(const ConfigFile& file, const hcl::Range& range) {
  return hcl::to_location(file.tree.file, range);
}

// The text of a literal string expression (a module's source), or nullopt.
std::optional<std::string> literal_text(const hcl::SyntaxTree& tree, hcl::ExprId id) {
  const auto& node = tree[id].node;
  if (const auto* literal = std::get_if<hcl::Literal>(&node)) {
    if (literal->kind == hcl::Literal::Kind::string) return literal->text;
  }
  if (const auto* text = std::get_if<hcl::TemplateExpr>(&node)) {
    if (text->parts.size() == 1) return literal_text(tree, text->parts[0]);
  }
  return std::nullopt;
}

std::string quoted_key(const std::string& key) {
  std::string out = "[\"";
  for (char c : key) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"]";
}

// A resource or data source instance as a value: the attributes its configuration sets, the
// zone it stands for when it is a zone, and unknown values for the rest (computed by the
// provider).
class ResourceObject : public hcl::LazyObject {
 public:
  ResourceObject(const ModuleInstance& module, const ResourceDeclaration& resource,
                 Repetition repetition)
      : module_(module),
        resource_(resource),
        repetition_(std::move(repetition)),
        scope_(module, repetition_) {}

  Value attribute(std::string_view name, const SourceLocation& at) const override {
    const hcl::Body& body = resource_.block->body;
    const auto identity = zone_identity_attributes(resource_.type);
    if (std::find(identity.begin(), identity.end(), name) != identity.end()) {
      for (std::string_view domain_attribute : zone_name_attributes(resource_.type)) {
        const hcl::Attribute* domain = body.attribute(domain_attribute);
        if (domain == nullptr) continue;
        Value zone = module_.evaluate(*resource_.file, domain->value, scope_);
        if (zone.is_unknown()) return zone;
        if (zone.kind() != Value::Kind::string) break;
        return resource_.data ? zone.as_zone_reference(false)
                              : zone.as_zone_reference(true, describe());
      }
    }
    if (const hcl::Attribute* configured = body.attribute(name)) {
      Value value = module_.evaluate(*resource_.file, configured->value, scope_);
      // What the provider makes of it: a list written where its schema has a set is a set.
      if (is_set_attribute(resource_.type, name) && value.is_sequence())
        return Value::sequence(Value::Kind::set, value.elements(), value.location());
      return value;
    }
    return Value::unknown(fmt::format("{}.{} is {}", describe(), name,
                                      resource_.data ? "read from the provider when Terraform plans"
                                                     : "known only after apply"),
                          at);
  }

  std::string describe() const override {
    return module_.address() + resource_.address + repetition_.key;
  }

 private:
  const ModuleInstance& module_;
  const ResourceDeclaration& resource_;
  Repetition repetition_;
  RepetitionScope scope_;
};

// A resource the files read do not declare (a sibling file left out, or a mistake): nothing
// about it is known.
class UndeclaredResource : public hcl::LazyObject {
 public:
  explicit UndeclaredResource(std::string address) : address_(std::move(address)) {}
  Value attribute(std::string_view name, const SourceLocation& at) const override {
    return Value::unknown(fmt::format("{}.{} comes from {}, which the files read do not declare",
                                      address_, name, address_),
                          at);
  }
  std::string describe() const override { return address_; }

 private:
  std::string address_;
};

// A module instance as a value: its outputs.
class ModuleObject : public hcl::LazyObject {
 public:
  explicit ModuleObject(const ModuleInstance& module) : module_(module) {}

  Value attribute(std::string_view name, const SourceLocation& at) const override {
    const auto [file, output] = module_.config().output(std::string(name));
    if (output == nullptr) {
      return Value::error(fmt::format("{} has no output \"{}\"", describe(), name), at);
    }
    return module_.evaluate(*file, output->value, module_);
  }

  std::string describe() const override {
    std::string address = module_.address();
    if (address.ends_with('.')) address.pop_back();
    return address;
  }

 private:
  const ModuleInstance& module_;
};

// Instances as one value: a tuple for count, an object for for_each, the instance itself
// otherwise.
Value collect(const std::vector<Repetition>& repetitions, bool counted,
              const std::function<Value(const Repetition&)>& make, const SourceLocation& at) {
  if (repetitions.size() == 1 && repetitions.front().name.empty()) return make(repetitions[0]);
  if (counted) {
    Value::Elements elements;
    for (const Repetition& repetition : repetitions) elements.push_back(make(repetition));
    return Value::sequence(Value::Kind::tuple, std::move(elements), at);
  }
  Value::Attributes attributes;
  for (const Repetition& repetition : repetitions) {
    const auto key = repetition.value.attribute("key", at);
    attributes.emplace_back(key ? key->to_text().value_or("") : "", make(repetition));
  }
  return Value::mapping(Value::Kind::object, std::move(attributes), at);
}

}  // namespace

ModuleConfig::ModuleConfig(std::string directory, std::string identity,
                           std::vector<std::unique_ptr<ConfigFile>> files,
                           hcl::EvaluationBudget& budget, const ReportProblem& report)
    : directory_(std::move(directory)), identity_(std::move(identity)), files_(std::move(files)) {
  auto duplicate = [&](const ConfigFile& file, const hcl::Range& at, std::string_view what,
                       const std::string& name, const ConfigFile& first_file,
                       const hcl::Range& first) {
    report(kSyntaxError, location_of(file, at),
           fmt::format("{} \"{}\" is declared twice in this module (first at {}:{}); Terraform "
                       "refuses the configuration",
                       what, name, first_file.display_path, first.start.line));
  };
  auto labels = [&](const ConfigFile& file, const hcl::Block& block, std::size_t wanted) {
    if (block.labels.size() == wanted) return true;
    report(kSyntaxError, location_of(file, block.type_range),
           fmt::format("a {} block takes {} label{}, not {}", block.type, wanted,
                       wanted == 1 ? "" : "s", block.labels.size()));
    return false;
  };
  for (const auto& owned : files_) {
    const ConfigFile& file = *owned;
    if (file.role != ConfigFile::Role::configuration) continue;
    for (const hcl::Block& block : file.tree.body.blocks) {
      if (block.type == "variable") {
        if (!labels(file, block, 1)) continue;
        VariableDeclaration variable{&file, &block, block.body.attribute("default"), {}};
        if (const hcl::Attribute* type = block.body.attribute("type")) {
          std::string why;
          variable.type = hcl::parse_type(file.tree, type->value, budget, why);
          if (!variable.type) {
            report(kSyntaxError, location_of(file, file.tree[type->value].range),
                   fmt::format("invalid type of variable \"{}\": {}", block.labels[0], why));
          }
        }
        const auto [at, inserted] = variables_.emplace(block.labels[0], variable);
        if (!inserted) {
          duplicate(file, block.label_ranges[0], "variable", block.labels[0], *at->second.file,
                    at->second.block->type_range);
        }
      } else if (block.type == "locals") {
        for (const hcl::Attribute& attribute : block.body.attributes) {
          const auto [at, inserted] = locals_.emplace(attribute.name, std::pair{&file, &attribute});
          if (!inserted) {
            duplicate(file, attribute.name_range, "local value", attribute.name, *at->second.first,
                      at->second.second->name_range);
          }
        }
      } else if (block.type == "output") {
        if (!labels(file, block, 1)) continue;
        outputs_.emplace(block.labels[0], std::pair{&file, block.body.attribute("value")});
      } else if (block.type == "resource" || block.type == "data") {
        if (!labels(file, block, 2)) continue;
        ResourceDeclaration resource;
        resource.data = block.type == "data";
        resource.type = block.labels[0];
        resource.name = block.labels[1];
        resource.address =
            fmt::format("{}{}.{}", resource.data ? "data." : "", resource.type, resource.name);
        resource.file = &file;
        resource.block = &block;
        const auto [at, inserted] = resources_.emplace(resource.address, resource);
        if (!inserted) {
          duplicate(file, block.label_ranges[1], resource.data ? "data source" : "resource",
                    resource.address, *at->second.file, at->second.block->type_range);
          continue;
        }
        resource_order_.push_back(&at->second);
      } else if (block.type == "module") {
        if (!labels(file, block, 1)) continue;
        ModuleCallDeclaration call{block.labels[0], &file, &block, {}};
        if (const hcl::Attribute* source = block.body.attribute("source")) {
          call.source = literal_text(file.tree, source->value).value_or("");
        }
        const auto [at, inserted] = calls_.emplace(call.name, call);
        if (!inserted) {
          duplicate(file, block.label_ranges[0], "module call", call.name, *at->second.file,
                    at->second.block->type_range);
          continue;
        }
        call_order_.push_back(&at->second);
      }
    }
  }
}

const ResourceDeclaration* ModuleConfig::resource(const std::string& address) const {
  const auto found = resources_.find(address);
  return found == resources_.end() ? nullptr : &found->second;
}

const ModuleCallDeclaration* ModuleConfig::call(const std::string& name) const {
  const auto found = calls_.find(name);
  return found == calls_.end() ? nullptr : &found->second;
}

std::pair<const ConfigFile*, const hcl::Attribute*> ModuleConfig::local(
    const std::string& name) const {
  const auto found = locals_.find(name);
  return found == locals_.end() ? std::pair<const ConfigFile*, const hcl::Attribute*>{}
                                : found->second;
}

std::pair<const ConfigFile*, const hcl::Attribute*> ModuleConfig::output(
    const std::string& name) const {
  const auto found = outputs_.find(name);
  return found == outputs_.end() ? std::pair<const ConfigFile*, const hcl::Attribute*>{}
                                 : found->second;
}

Value repetition_object(const Value& key, const Value& value, bool count) {
  if (count) return Value::mapping(Value::Kind::object, {{"index", key}}, key.location());
  return Value::mapping(Value::Kind::object, {{"key", key}, {"value", value}}, value.location());
}

Expansion expand_value(const Value& count, const Value& for_each, const std::string& iterator,
                       bool any_collection, const SourceLocation& at) {
  if (!count.is_null() && !for_each.is_null()) {
    return Refusal{"count and for_each cannot both be set", at};
  }
  std::vector<Repetition> repetitions;
  if (!count.is_null()) {
    if (count.is_unknown()) return count;
    const auto number = count.to_number();
    if (!number || *number < 0 || std::floor(*number) != *number) {
      return Refusal{fmt::format("count must be a whole number, not {}", count.describe()), at};
    }
    if (*number > 1e6) {
      return Value::unknown(
          fmt::format("count = {} makes more instances than dnslint reads", count.describe()), at);
    }
    for (std::size_t i = 0; i < static_cast<std::size_t>(*number); ++i) {
      const Value index = Value::number(static_cast<double>(i), count.location());
      repetitions.push_back(
          {fmt::format("[{}]", i), "count", repetition_object(index, index, true)});
    }
    return repetitions;
  }
  if (for_each.is_null()) {
    repetitions.push_back({});
    return repetitions;
  }
  if (for_each.is_unknown()) return for_each;
  if (for_each.is_mapping() && !for_each.is_lazy()) {
    for (const auto& [name, value] : for_each.attributes()) {
      repetitions.push_back(
          {quoted_key(name), iterator,
           repetition_object(Value::string(name, value.location()), value, false)});
    }
    return repetitions;
  }
  if (for_each.kind() == Value::Kind::set || (any_collection && for_each.is_sequence())) {
    const auto& elements = for_each.elements();
    for (std::size_t i = 0; i < elements.size(); ++i) {
      const Value& element = elements[i];
      if (element.is_unknown()) return element;
      if (for_each.kind() == Value::Kind::set) {
        auto text = element.to_text();
        if (!text) {
          return Refusal{
              fmt::format("for_each takes a set of strings, not of {} values", element.type_name()),
              at};
        }
        repetitions.push_back(
            {quoted_key(*text), iterator,
             repetition_object(Value::string(*text, element.location()), element, false)});
      } else {
        repetitions.push_back(
            {fmt::format("[{}]", i), iterator,
             repetition_object(Value::number(static_cast<double>(i), element.location()), element,
                               false)});
      }
    }
    return repetitions;
  }
  if (for_each.is_sequence()) {
    return Refusal{fmt::format("for_each takes a map or a set of strings, not a {} (toset() "
                               "makes a set of a list)",
                               for_each.type_name()),
                   at};
  }
  return Refusal{fmt::format("for_each takes {}, not {}",
                             any_collection ? "a collection" : "a map or a set of strings",
                             for_each.describe()),
                 at};
}

ModuleInstance::ModuleInstance(const ModuleConfig& config, std::map<std::string, Value> values,
                               hcl::EvaluationBudget& budget, ModuleSource& modules)
    : config_(config), budget_(budget), modules_(modules), given_(std::move(values)) {}

ModuleInstance::ModuleInstance(const ModuleConfig& config, const ModuleInstance& parent,
                               const ModuleCallDeclaration& call, Repetition repetition)
    : config_(config),
      parent_(&parent),
      call_(&call),
      address_(fmt::format("{}module.{}{}.", parent.address(), call.name, repetition.key)),
      budget_(parent.budget_),
      modules_(parent.modules_),
      repetition_(std::move(repetition)) {}

std::optional<std::string> ModuleInstance::read_file(std::string_view path,
                                                     std::string& why) const {
  const ModuleInstance* top = this;
  while (top->parent_ != nullptr) top = top->parent_;
  const std::string& root = top->config_.identity();
  if (root.empty()) {
    why = fmt::format("{} is read from the module's folder, and standard input has none",
                      std::string(path));
    return std::nullopt;
  }
  const std::filesystem::path written{std::string(path)};
  const std::filesystem::path absolute =
      (written.is_absolute() ? written : std::filesystem::path(root) / written).lexically_normal();
  return modules_.read_file(absolute.string(), why);
}

Value ModuleInstance::evaluate(const ConfigFile& file, hcl::ExprId expression,
                               const hcl::Scope& scope) const {
  hcl::Evaluator evaluator(file.tree, budget_);
  return evaluator.evaluate(expression, scope);
}

Value ModuleInstance::variable(const std::string& name, const SourceLocation& at) const {
  if (auto cached = variables_.find(name); cached != variables_.end()) return cached->second;
  const auto declared = config_.variables().find(name);
  if (declared == config_.variables().end()) {
    // Terraform: "Reference to undeclared input variable".
    return config_.whole()
               ? Value::error(fmt::format("variable \"{}\" is not declared in the module", name),
                              at)
               : Value::unknown(
                     fmt::format("variable \"{}\" is not declared in the files read", name), at);
  }
  if (!evaluating_.insert("var." + name).second) {
    return Value::error(fmt::format("variable \"{}\" refers to itself", name), at);
  }
  const VariableDeclaration& variable = declared->second;
  std::optional<Value> value;
  if (call_ == nullptr) {
    if (auto given = given_.find(name); given != given_.end()) value = given->second;
  } else if (const hcl::Attribute* argument = call_->block->body.attribute(name)) {
    const RepetitionScope caller(*parent_, repetition_);
    value = parent_->evaluate(*call_->file, argument->value, caller);
  }
  if (!value && variable.fallback != nullptr) {
    const hcl::EmptyScope constants;
    value = evaluate(*variable.file, variable.fallback->value, constants);
  }
  if (!value) {
    value = call_ == nullptr
                ? Value::unknown(fmt::format("variable \"{0}\" has no default and no value here; "
                                             "Terraform takes it from TF_VAR_{0} in the "
                                             "environment or asks for it (set it in "
                                             "terraform.tfvars, with --var or --var-file)",
                                             name),
                                 at)
                : Value::error(fmt::format("module.{} does not set its required variable \"{}\"",
                                           call_->name, name),
                               at);
  }
  if (variable.type) *value = hcl::convert(*value, *variable.type);
  evaluating_.erase("var." + name);
  variables_[name] = *value;
  return *value;
}

Value ModuleInstance::local(const std::string& name, const SourceLocation& at) const {
  if (auto cached = locals_.find(name); cached != locals_.end()) return cached->second;
  const auto [file, attribute] = config_.local(name);
  if (attribute == nullptr) {
    // Terraform: "Reference to undeclared local value".
    return config_.whole()
               ? Value::error(fmt::format("local.{} is not declared in the module", name), at)
               : Value::unknown(fmt::format("local.{} is not declared in the files read", name),
                                at);
  }
  if (!evaluating_.insert("local." + name).second) {
    return Value::error(fmt::format("local.{} refers to itself", name), at);
  }
  Value value = evaluate(*file, attribute->value, *this);
  evaluating_.erase("local." + name);
  locals_[name] = value;
  return value;
}

Expansion ModuleInstance::expand(const ConfigFile& file, const hcl::Body& body) const {
  const hcl::Attribute* count = body.attribute("count");
  const hcl::Attribute* for_each = body.attribute("for_each");
  const Value count_value = count ? evaluate(file, count->value, *this) : Value::null();
  const Value for_each_value = for_each ? evaluate(file, for_each->value, *this) : Value::null();
  const SourceLocation at = location_of(file, count      ? file.tree[count->value].range
                                              : for_each ? file.tree[for_each->value].range
                                                         : body.range);
  return expand_value(count_value, for_each_value, "each", false, at);
}

const std::vector<ChildModule>& ModuleInstance::children(const ModuleCallDeclaration& call,
                                                         std::optional<Value>& why) const {
  auto [entry, inserted] = children_.try_emplace(call.name);
  Children& children = entry->second;
  if (inserted) {
    const SourceLocation at = location_of(*call.file, call.block->type_range);
    std::size_t depth = 0;
    for (const ModuleInstance* ancestor = this; ancestor != nullptr; ancestor = ancestor->parent_)
      ++depth;
    std::string problem;
    const ModuleConfig* child =
        depth > kMaxModuleDepth ? nullptr : modules_.load(config_, call, problem);
    if (depth > kMaxModuleDepth) {
      problem = fmt::format("modules are nested more than {} deep", kMaxModuleDepth);
    }
    for (const ModuleInstance* ancestor = this; child != nullptr && ancestor != nullptr;
         ancestor = ancestor->parent_) {
      if (&ancestor->config_ == child) {
        problem = fmt::format("module.{} calls a module that calls it", call.name);
        child = nullptr;
      }
    }
    if (child == nullptr) {
      children.why = Value::unknown(problem, at);
    } else {
      Expansion expansion = expand(*call.file, call.block->body);
      if (auto* value = std::get_if<Value>(&expansion)) {
        children.why = *value;
      } else if (auto* refusal = std::get_if<Refusal>(&expansion)) {
        children.why = Value::error(refusal->why, refusal->at);
      } else {
        for (Repetition& repetition : std::get<std::vector<Repetition>>(expansion)) {
          std::string key = repetition.key;
          children.instances.push_back(
              {key, std::make_unique<ModuleInstance>(*child, *this, call, std::move(repetition))});
        }
      }
    }
  }
  why = children.why;
  return children.instances;
}

Value ModuleInstance::resource_value(const ResourceDeclaration& resource,
                                     const SourceLocation& at) const {
  Expansion expansion = expand(*resource.file, resource.block->body);
  if (auto* refusal = std::get_if<Refusal>(&expansion)) return Value::error(refusal->why, at);
  if (auto* why = std::get_if<Value>(&expansion)) {
    return why->is_error()
               ? Value::error(why->why_unknown(), at)
               : Value::unknown(fmt::format("the instances of {}{} are not known "
                                            "statically ({})",
                                            address_, resource.address, why->why_unknown()),
                                at);
  }
  const bool counted = resource.block->body.attribute("count") != nullptr;
  return collect(
      std::get<std::vector<Repetition>>(expansion), counted,
      [&](const Repetition& repetition) {
        return Value::lazy(std::make_shared<ResourceObject>(*this, resource, repetition), at);
      },
      at);
}

Value ModuleInstance::module_value(const ModuleCallDeclaration& call,
                                   const SourceLocation& at) const {
  std::optional<Value> why;
  const std::vector<ChildModule>& instances = children(call, why);
  if (why) return Value(*why).at(at);
  std::vector<Repetition> repetitions;
  for (const ChildModule& child : instances) repetitions.push_back(child.instance->repetition_);
  const bool counted = call.block->body.attribute("count") != nullptr;
  std::size_t next = 0;
  return collect(
      repetitions, counted,
      [&](const Repetition&) {
        return Value::lazy(std::make_shared<ModuleObject>(*instances[next++].instance), at);
      },
      at);
}

std::optional<Value> ModuleInstance::resolve(const hcl::ScopeTraversal& traversal,
                                             std::size_t& steps_used,
                                             const SourceLocation& at) const {
  const std::string& root = traversal.root;
  const auto& steps = traversal.steps;
  // The name after the root (`var.NAME`); empty when the traversal does not go on with one.
  auto step_name = [&](std::size_t i) -> std::string {
    if (i >= steps.size() || steps[i].kind != hcl::Step::Kind::attribute) return {};
    return steps[i].name;
  };
  if (root == "count" || root == "each" || root == "self") return std::nullopt;
  if (root == "var" || root == "local" || root == "module" || root == "path" ||
      root == "terraform") {
    const std::string name = step_name(0);
    if (name.empty()) {
      return Value::error(fmt::format("'{}' must be followed by a name", root), at);
    }
    steps_used = 1;
    if (root == "var") return variable(name, at);
    if (root == "local") return local(name, at);
    if (root == "module") {
      const ModuleCallDeclaration* call = config_.call(name);
      if (call == nullptr) {
        return Value::unknown(fmt::format("module.{} is not declared in the files read", name), at);
      }
      return module_value(*call, at);
    }
    if (root == "path") {
      const ModuleInstance* top = this;
      while (top->parent_ != nullptr) top = top->parent_;
      // As Terraform gives them: path.module relative to the root module's folder, which is
      // where Terraform runs ("." there); dnslint reads file() paths from there too.
      if (name == "module") {
        if (config_.identity().empty() || top->config_.identity().empty())
          return Value::string(config_.directory(), at);
        const std::string relative = std::filesystem::path(config_.identity())
                                         .lexically_relative(top->config_.identity())
                                         .generic_string();
        return Value::string(relative.empty() ? "." : relative, at);
      }
      if (name == "root" || name == "cwd") return Value::string(".", at);
      return Value::error(fmt::format("path.{} is not a path Terraform knows", name), at);
    }
    if (name == "workspace") return Value::string("default", at);
    return Value::error(fmt::format("terraform.{} is not an attribute Terraform knows", name), at);
  }
  const bool data = root == "data";
  const std::string type = data ? step_name(0) : root;
  const std::string name = step_name(data ? 1 : 0);
  if (type.empty() || name.empty()) {
    return Value::error(fmt::format("a reference to {} must name the {}", root,
                                    data ? "data source's type and name" : "resource"),
                        at);
  }
  steps_used = data ? 2 : 1;
  const std::string address = fmt::format("{}{}.{}", data ? "data." : "", type, name);
  const ResourceDeclaration* resource = config_.resource(address);
  if (resource == nullptr) {
    return Value::lazy(std::make_shared<UndeclaredResource>(address_ + address), at);
  }
  return resource_value(*resource, at);
}

}  // namespace dnslint::terraform
