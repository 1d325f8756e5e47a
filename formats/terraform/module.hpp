// Terraform modules as Terraform reads them: one directory's *.tf and *.tf.json files are one
// module (its declarations merged), a module instance gives its variables values (tfvars and
// the command line for the root, the calling `module` block for a child), and expressions in it
// see var.*, local.*, resources, data sources, module outputs, path.* and terraform.workspace.
// Resources and module calls with count or for_each expand into instances.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include "formats/terraform/evaluator.hpp"
#include "formats/terraform/hcl_syntax.hpp"
#include "formats/terraform/type_constraint.hpp"

namespace dnslint::terraform {

// One file of a module, parsed (native syntax or JSON, into one kind of tree).
struct ConfigFile {
  enum class Role : std::uint8_t {
    configuration,   // *.tf, *.tf.json
    auto_variables,  // terraform.tfvars(.json), *.auto.tfvars(.json): loaded for a root module
    variables,       // other *.tfvars: read for their syntax, their values only on request
  };
  std::string display_path;
  Role role = Role::configuration;
  bool context_only = false;  // read for declarations and values; its findings not reported
  hcl::SyntaxTree tree;
};

struct VariableDeclaration {
  const ConfigFile* file = nullptr;
  const hcl::Block* block = nullptr;
  const hcl::Attribute* fallback = nullptr;  // `default`
  std::optional<hcl::TypeConstraint> type;
};

struct ResourceDeclaration {
  bool data = false;  // a data source
  std::string type;
  std::string name;
  std::string address;  // aws_route53_record.mx, data.aws_route53_zone.main
  const ConfigFile* file = nullptr;
  const hcl::Block* block = nullptr;
};

struct ModuleCallDeclaration {
  std::string name;
  const ConfigFile* file = nullptr;
  const hcl::Block* block = nullptr;
  std::string source;  // as written; empty when not a literal string
};

// What a reader is told about a problem in a declaration: rule id, where, and why.
using ReportProblem =
    std::function<void(std::string_view rule, const SourceLocation& at, std::string message)>;

// The declarations of one module directory.
class ModuleConfig {
 public:
  // `directory`: how paths show it; `identity`: what tells it from other directories.
  ModuleConfig(std::string directory, std::string identity,
               std::vector<std::unique_ptr<ConfigFile>> files, hcl::EvaluationBudget& budget,
               const ReportProblem& report);

  const std::string& directory() const { return directory_; }
  const std::string& identity() const { return identity_; }
  // Every file of the module was read (a directory on disk, not one buffer on its own): what
  // it does not declare does not exist, as Terraform sees it.
  bool whole() const { return !identity_.empty(); }
  const std::vector<std::unique_ptr<ConfigFile>>& files() const { return files_; }
  const std::map<std::string, VariableDeclaration>& variables() const { return variables_; }
  const ResourceDeclaration* resource(const std::string& address) const;
  const std::vector<const ResourceDeclaration*>& resources() const { return resource_order_; }
  const ModuleCallDeclaration* call(const std::string& name) const;
  const std::vector<const ModuleCallDeclaration*>& calls() const { return call_order_; }
  // The expression of local.NAME, or nullptr.
  std::pair<const ConfigFile*, const hcl::Attribute*> local(const std::string& name) const;
  // The expression of output NAME's value, or nullptr.
  std::pair<const ConfigFile*, const hcl::Attribute*> output(const std::string& name) const;

 private:
  std::string directory_;
  std::string identity_;
  std::vector<std::unique_ptr<ConfigFile>> files_;
  std::map<std::string, VariableDeclaration> variables_;
  std::map<std::string, std::pair<const ConfigFile*, const hcl::Attribute*>> locals_;
  std::map<std::string, std::pair<const ConfigFile*, const hcl::Attribute*>> outputs_;
  std::map<std::string, ResourceDeclaration> resources_;
  std::vector<const ResourceDeclaration*> resource_order_;
  std::map<std::string, ModuleCallDeclaration> calls_;
  std::vector<const ModuleCallDeclaration*> call_order_;
};

// One instance of a repeated resource, module call or dynamic block: its key in the address
// and the names it binds (count.index, each.key and each.value, or a dynamic block's
// iterator).
struct Repetition {
  std::string key;   // "", "[0]" or "[\"www\"]"
  std::string name;  // "count", "each" or the iterator; empty for a single instance
  hcl::Value value;  // the object bound to `name`
};

// The scope of one repetition: its names bound over the scope it repeats in.
class RepetitionScope : public hcl::Bindings {
 public:
  RepetitionScope(const hcl::Scope& parent, const Repetition& repetition) : Bindings(parent) {
    if (!repetition.name.empty()) bind(repetition.name, repetition.value);
  }
};

// A count or for_each value Terraform refuses (a list for for_each, a fraction for count, both
// set): the configuration does not plan.
struct Refusal {
  std::string why;
  SourceLocation at;
};

// The instances count or for_each make (one without either); an unknown or error value when
// they cannot be known; a refusal when Terraform rejects them.
using Expansion = std::variant<std::vector<Repetition>, hcl::Value, Refusal>;

// Where child modules come from: the reader asks for the configuration of a `module` block's
// source, relative to the calling module. nullptr with `why` set when it cannot be had (a
// remote source, a missing directory, a module that calls itself).
class ModuleSource {
 public:
  virtual ~ModuleSource() = default;
  virtual const ModuleConfig* load(const ModuleConfig& caller, const ModuleCallDeclaration& call,
                                   std::string& why) = 0;
  // A file file() or templatefile() reads, by its absolute path (ModuleFiles::read_file).
  virtual std::optional<std::string> read_file(const std::string& path, std::string& why) = 0;
};

class ModuleInstance;

// One instance of a module call, with its child module instance (or why there is none).
struct ChildModule {
  std::string key;
  std::unique_ptr<ModuleInstance> instance;
};

class ModuleInstance : public hcl::Scope {
 public:
  // A root module: its variables take `values` (tfvars and the command line, already merged).
  ModuleInstance(const ModuleConfig& config, std::map<std::string, hcl::Value> values,
                 hcl::EvaluationBudget& budget, ModuleSource& modules);
  // A child module called by `call` in `parent` (instance `repetition` of the call).
  ModuleInstance(const ModuleConfig& config, const ModuleInstance& parent,
                 const ModuleCallDeclaration& call, Repetition repetition);

  const ModuleConfig& config() const { return config_; }
  // The address prefix of everything in it: "" for the root, "module.mail." for a child.
  const std::string& address() const { return address_; }
  const ModuleInstance* parent() const { return parent_; }
  const ModuleCallDeclaration* call() const { return call_; }
  hcl::EvaluationBudget& budget() const { return budget_; }

  hcl::Value variable(const std::string& name, const SourceLocation& at) const;
  hcl::Value local(const std::string& name, const SourceLocation& at) const;

  // The instances of a resource or a module call (count / for_each), evaluated here.
  Expansion expand(const ConfigFile& file, const hcl::Body& body) const;
  // The child module instances of a call, made once; empty with `why` set when there are none.
  const std::vector<ChildModule>& children(const ModuleCallDeclaration& call,
                                           std::optional<hcl::Value>& why) const;

  // The value of an expression of one of this module's files, in `scope` (this instance or
  // one with a repetition's names bound over it).
  hcl::Value evaluate(const ConfigFile& file, hcl::ExprId expression,
                      const hcl::Scope& scope) const;

  // Terraform reads a relative path from the root module's directory.
  std::optional<std::string> read_file(std::string_view path, std::string& why) const override;

 protected:
  std::optional<hcl::Value> resolve(const hcl::ScopeTraversal& traversal, std::size_t& steps_used,
                                    const SourceLocation& at) const override;

 private:
  hcl::Value resource_value(const ResourceDeclaration& resource, const SourceLocation& at) const;
  hcl::Value module_value(const ModuleCallDeclaration& call, const SourceLocation& at) const;

  const ModuleConfig& config_;
  const ModuleInstance* parent_ = nullptr;
  const ModuleCallDeclaration* call_ = nullptr;
  std::string address_;
  hcl::EvaluationBudget& budget_;
  ModuleSource& modules_;
  Repetition repetition_;                    // of the call, for evaluating its arguments
  std::map<std::string, hcl::Value> given_;  // root: tfvars and command line values

  mutable std::map<std::string, hcl::Value> variables_;
  mutable std::map<std::string, hcl::Value> locals_;
  mutable std::set<std::string> evaluating_;  // locals and variables in progress (cycles)
  struct Children {
    std::vector<ChildModule> instances;
    std::optional<hcl::Value> why;
  };
  mutable std::map<std::string, Children> children_;
};

// The object a repetition binds: {index = n} for count, {key, value} for for_each and dynamic
// blocks.
hcl::Value repetition_object(const hcl::Value& key, const hcl::Value& value, bool count);

// Expands a for_each or count value as Terraform does; dynamic blocks take any collection.
Expansion expand_value(const hcl::Value& count, const hcl::Value& for_each,
                       const std::string& iterator, bool any_collection, const SourceLocation& at);

}  // namespace dnslint::terraform
