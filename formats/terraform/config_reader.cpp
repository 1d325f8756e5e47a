// read_terraform_module: a module's files parsed (native syntax or JSON), its declarations
// gathered, the root instance given its variables, and every DNS record resource of it and of
// the local modules it calls read through the provider adapters.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include "formats/iac_records.hpp"
#include "formats/suppressions.hpp"
#include "formats/terraform/hcl_json.hpp"
#include "formats/terraform/hcl_parser.hpp"
#include "formats/terraform/module.hpp"
#include "formats/terraform/resources.hpp"
#include "formats/terraform/terraform_reader.hpp"

namespace dnslint {
namespace {

using hcl::Value;
using terraform::ConfigFile;
using terraform::ModuleConfig;
using terraform::ModuleInstance;

std::string file_name(std::string_view path) {
  return std::filesystem::path(std::string(path)).filename().string();
}

bool is_json_name(std::string_view name) { return name.ends_with(".json"); }

bool is_tfvars_name(std::string_view name) {
  return name.ends_with(".tfvars") || name.ends_with(".tfvars.json");
}

// Terraform loads auto tfvars in this order, later files overriding earlier ones:
// terraform.tfvars, terraform.tfvars.json, then *.auto.tfvars(.json) by name.
bool tfvars_precedes(const ConfigFile* a, const ConfigFile* b) {
  auto rank = [](const ConfigFile* file) {
    const std::string name = file_name(file->display_path);
    if (name == "terraform.tfvars") return 0;
    if (name == "terraform.tfvars.json") return 1;
    return 2;
  };
  const int rank_a = rank(a);
  const int rank_b = rank(b);
  if (rank_a != rank_b) return rank_a < rank_b;
  return file_name(a->display_path) < file_name(b->display_path);
}

// Parses files into ConfigFiles, reporting their syntax errors and collecting their
// suppression comments.
class FileReader {
 public:
  FileReader(IacModelBuilder& builder, ReadResult& out, const DocumentLimits& limits)
      : builder_(builder), out_(out), limits_(limits) {}

  std::unique_ptr<ConfigFile> read(const SourceText& source, ConfigFile::Role role) {
    auto file = std::make_unique<ConfigFile>();
    file->display_path = source.display_path;
    file->role = role;
    file->context_only = source.context_only;
    const FileId id = builder_.add_file(source.display_path);
    if (source.json.value_or(is_json_name(file_name(source.display_path)))) {
      const ParsedDocument document = parse_json(source.content, id, limits_);
      builder_.document_errors(document, id, false);
      file->tree = hcl::read_json_syntax(document, source.content,
                                         role == ConfigFile::Role::configuration
                                             ? hcl::JsonContent::configuration
                                             : hcl::JsonContent::variable_values);
      file->tree.file = id;
      add_json_suppressions(document.tree);
    } else {
      file->tree = hcl::parse_config(source.content, id, {limits_.max_depth});
      add_comment_suppressions(file->tree, source.content);
    }
    for (const hcl::Diagnostic& error : file->tree.errors) {
      builder_.syntax_error(hcl::to_location(id, error.range), error.message);
    }
    return file;
  }

 private:
  // "//": "dnslint-disable RULE -- reason" in a JSON object suppresses findings on its lines.
  void add_json_suppressions(const DocumentTree& tree) {
    for (NodeId id = 0; id < tree.size(); ++id) {
      if (!tree.is_mapping(id)) continue;
      for (const auto& [key, value] : tree.entries(id)) {
        if (tree[key].text != "//" || tree[value].kind != TreeNode::Kind::string) continue;
        const SourceLocation& block = tree[id].location;
        if (auto suppression = block_suppression(tree[value].text, tree[value].location, block.line,
                                                 block.end_line)) {
          out_.suppressions.push_back(std::move(*suppression));
        }
      }
    }
  }

  // `# dnslint-disable-next-line RULE -- reason` (or `//`) before a block or an attribute
  // covers all its lines; the range forms work as in zone files.
  void add_comment_suppressions(const hcl::SyntaxTree& tree, std::string_view content) {
    if (content.find("dnslint-") == std::string_view::npos) return;
    std::vector<SuppressionComment> comments;
    for (const hcl::Comment& comment : tree.comments) {
      const auto length = static_cast<std::uint32_t>(comment.text.size());
      comments.push_back({comment.text,
                          {tree.file, comment.at.line, comment.at.column, comment.at.line,
                           comment.at.column + length + 1}});
    }
    // The lines each body item spans, by its first line: a next-line directive covers the
    // whole item that starts on the line it applies to.
    std::map<std::uint32_t, std::uint32_t> items;
    auto note = [&](const hcl::Range& range) {
      auto& last = items[range.start.line];
      last = std::max(last, range.end.line);
    };
    std::function<void(const hcl::Body&)> walk = [&](const hcl::Body& body) {
      for (const hcl::Attribute& attribute : body.attributes) note(attribute.range);
      for (const hcl::Block& block : body.blocks) {
        note(block.range);
        walk(block.body);
      }
    };
    walk(tree.body);
    for (Suppression& suppression : suppressions_from_comments(
             comments, [&](std::uint32_t line) -> std::pair<std::uint32_t, std::uint32_t> {
               const auto item = items.lower_bound(line);
               if (item == items.end()) return {line, line};
               return {item->first, item->second};
             })) {
      out_.suppressions.push_back(std::move(suppression));
    }
  }

  IacModelBuilder& builder_;
  ReadResult& out_;
  DocumentLimits limits_;
};

// Loads local child modules through ModuleFiles, each directory once.
class LocalModules : public terraform::ModuleSource {
 public:
  LocalModules(ModuleFiles* files, FileReader& reader, hcl::EvaluationBudget& budget,
               const terraform::ReportProblem& report, ReadResult& out)
      : files_(files), reader_(reader), budget_(budget), report_(report), out_(out) {}

  std::optional<std::string> read_file(const std::string& path, std::string& why) override {
    if (files_ == nullptr) {
      why = fmt::format("{} is not read for standard input", path);
      return std::nullopt;
    }
    return files_->read_file(path, why);
  }

  const ModuleConfig* load(const ModuleConfig& caller, const terraform::ModuleCallDeclaration& call,
                           std::string& why) override {
    if (call.source.empty()) {
      why = fmt::format("module.{} has no literal source", call.name);
      return nullptr;
    }
    if (!call.source.starts_with("./") && !call.source.starts_with("../")) {
      why = fmt::format(
          "module.{} comes from \"{}\", not a local directory; its records are "
          "not checked",
          call.name, call.source);
      return nullptr;
    }
    if (files_ == nullptr) {
      why = fmt::format("module.{} is a local directory, which is not read for standard input",
                        call.name);
      return nullptr;
    }
    auto read = files_->read(caller.identity(), caller.directory(), call.source);
    if (auto* error = std::get_if<std::string>(&read)) {
      why = fmt::format("module.{}: {}", call.name, *error);
      return nullptr;
    }
    auto& directory = std::get<ModuleFiles::Directory>(read);
    if (auto known = configs_.find(directory.identity); known != configs_.end())
      return known->second.get();
    out_.parts.push_back(directory.identity);
    std::vector<std::unique_ptr<ConfigFile>> files;
    for (const SourceText& source : directory.files) {
      files.push_back(reader_.read(source, ConfigFile::Role::configuration));
    }
    auto config = std::make_unique<ModuleConfig>(directory.display, directory.identity,
                                                 std::move(files), budget_, report_);
    return configs_.emplace(directory.identity, std::move(config)).first->second.get();
  }

 private:
  ModuleFiles* files_;
  FileReader& reader_;
  hcl::EvaluationBudget& budget_;
  const terraform::ReportProblem& report_;
  ReadResult& out_;
  std::map<std::string, std::unique_ptr<ModuleConfig>> configs_;
};

std::string describe_unknown(const Value& value) {
  return value.is_error() ? "Terraform would fail to evaluate it: " + value.why_unknown()
                          : value.why_unknown();
}

// A value as the adapters take it: text, or unknown with the reason. It stands where it was
// written when that is inside the resource block; otherwise where the resource uses it, with
// where it was written as a related location.
IacValue to_iac_value(const Value& value, const SourceLocation& use_site,
                      const SourceLocation& resource_block,
                      const std::vector<RelatedLocation>& context) {
  const SourceLocation& origin = value.location();
  const bool written_here = origin.line != 0 && origin.file == resource_block.file &&
                            origin.line >= resource_block.line &&
                            origin.end_line <= resource_block.end_line;
  IacValue out{"", written_here ? origin : use_site, std::nullopt};
  if (!written_here && origin.line != 0) out.related.push_back({origin, "the value is set here"});
  out.related.insert(out.related.end(), context.begin(), context.end());
  if (value.is_unknown()) {
    out.refused = value.is_error();
    out.unknown =
        value.is_error() ? "Terraform refuses it: " + value.why_unknown() : describe_unknown(value);
  } else if (auto text = value.to_text()) {
    out.text = std::move(*text);
    out.zone_reference = value.zone_reference();
    out.zone_created_here = value.zone_created_here();
    out.zone_resource = value.zone_resource();
  } else {
    out.unknown = fmt::format("a {} where a single value belongs", value.type_name());
  }
  return out;
}

// The items of a list value, or the value as a list of one.
std::vector<IacValue> list_values(const Value& value, const SourceLocation& use_site,
                                  const SourceLocation& resource_block,
                                  const std::vector<RelatedLocation>& context) {
  std::vector<IacValue> out;
  if (value.is_null()) return out;
  if (!value.is_sequence()) {
    out.push_back(to_iac_value(value, use_site, resource_block, context));
    return out;
  }
  for (const Value& element : value.elements()) {
    if (!element.is_null()) out.push_back(to_iac_value(element, use_site, resource_block, context));
  }
  return out;
}

// An object value read as a nested block: Cloudflare v5 writes `data = { ... }` where v4 wrote
// a `data { ... }` block.
class ObjectView : public ResourceView {
 public:
  ObjectView(Value object, const SourceLocation& use_site, const SourceLocation& resource_block,
             const std::vector<RelatedLocation>& context)
      : object_(std::move(object)),
        use_site_(use_site),
        resource_block_(resource_block),
        context_(context) {}

  std::optional<IacValue> scalar(std::string_view name) const override {
    auto value = object_.attribute(name, use_site_);
    if (!value || value->is_null()) return std::nullopt;
    return to_iac_value(*value, use_site_, resource_block_, context_);
  }
  std::vector<IacValue> list(std::string_view name) const override {
    auto value = object_.attribute(name, use_site_);
    if (!value) return {};
    return list_values(*value, use_site_, resource_block_, context_);
  }
  std::vector<std::unique_ptr<ResourceView>> blocks(std::string_view name) const override {
    std::vector<std::unique_ptr<ResourceView>> out;
    if (auto value = object_.attribute(name, use_site_)) objects(*value, out);
    return out;
  }

  // Views of an object value, or of each object of a list value.
  void objects(const Value& value, std::vector<std::unique_ptr<ResourceView>>& out) const {
    auto add = [&](const Value& object) {
      auto view = std::make_unique<ObjectView>(object, use_site_, resource_block_, context_);
      view->type = type;
      view->address = address;
      view->location = use_site_;
      out.push_back(std::move(view));
    };
    if (value.is_mapping() && !value.is_lazy()) {
      add(value);
    } else if (value.is_sequence()) {
      for (const Value& element : value.elements()) {
        if (element.is_mapping() && !element.is_lazy()) add(element);
      }
    }
  }

 private:
  Value object_;
  SourceLocation use_site_;
  SourceLocation resource_block_;
  std::vector<RelatedLocation> context_;
};

// A resource instance's configuration as the provider adapters read it: attributes evaluated
// in the instance's scope, nested and dynamic blocks, each value at the exact place it is
// written, or where it is used when it was written elsewhere.
class ConfigResourceView : public ResourceView {
 public:
  // What expanding dynamic blocks finds wrong, which the adapters do not report themselves.
  struct Problems {
    std::vector<std::pair<SourceLocation, std::string>> syntax_errors;
    std::vector<std::pair<SourceLocation, std::string>> unresolved;
  };

  ConfigResourceView(const ModuleInstance& module, const ConfigFile& file, const hcl::Body& body,
                     const hcl::Scope& scope, const SourceLocation& resource_block,
                     std::vector<RelatedLocation> context, Problems& problems)
      : module_(module),
        file_(file),
        body_(body),
        scope_(&scope),
        resource_block_(resource_block),
        context_(std::move(context)),
        problems_(problems) {}

  std::optional<IacValue> scalar(std::string_view name) const override {
    const hcl::Attribute* attribute = body_.attribute(name);
    if (attribute == nullptr) return std::nullopt;
    const Value value = module_.evaluate(file_, attribute->value, *scope_);
    if (value.is_null()) return std::nullopt;
    return to_value(value, use_site(*attribute));
  }

  std::vector<IacValue> list(std::string_view name) const override {
    const hcl::Attribute* attribute = body_.attribute(name);
    if (attribute == nullptr) return {};
    const Value value = module_.evaluate(file_, attribute->value, *scope_);
    return list_values(value, use_site(*attribute), resource_block_, context_);
  }

  std::optional<IacValue> zone_name_beside(std::string_view name) const override {
    const hcl::Attribute* attribute = body_.attribute(name);
    if (attribute == nullptr) return std::nullopt;
    const auto* traversal = std::get_if<hcl::ScopeTraversal>(&file_.tree[attribute->value].node);
    if (traversal == nullptr || traversal->steps.empty()) return std::nullopt;
    const hcl::Step& last = traversal->steps.back();
    if (last.kind != hcl::Step::Kind::attribute || (last.name != "id" && last.name != "zone_id"))
      return std::nullopt;
    for (std::string_view sibling : {"name", "zone_name", "domain", "zone"}) {
      hcl::SyntaxTree tree;
      tree.file = file_.tree.file;
      hcl::ScopeTraversal beside = *traversal;
      beside.steps.back().name = std::string(sibling);
      const hcl::ExprId id = tree.add({beside, file_.tree[attribute->value].range});
      hcl::Evaluator evaluator(tree, module_.budget());
      const Value value = evaluator.evaluate(id, *scope_);
      if (value.kind() != Value::Kind::string) continue;
      return to_value(value, use_site(*attribute));
    }
    return std::nullopt;
  }

  std::vector<std::unique_ptr<ResourceView>> blocks(std::string_view name) const override {
    std::vector<std::unique_ptr<ResourceView>> out;
    for (const hcl::Block& block : body_.blocks) {
      if (block.type == name) {
        out.push_back(nested(block.body, *scope_, hcl::to_location(file_.tree.file, block.range)));
      } else if (block.type == "dynamic" && !block.labels.empty() && block.labels[0] == name) {
        expand_dynamic(block, out);
      }
    }
    if (out.empty()) object_blocks(name, out);
    return out;
  }

 private:
  // An attribute whose value is an object (or a list of them), read as nested blocks.
  void object_blocks(std::string_view name, std::vector<std::unique_ptr<ResourceView>>& out) const {
    const hcl::Attribute* attribute = body_.attribute(name);
    if (attribute == nullptr || body_.from_json) return;
    const Value value = module_.evaluate(file_, attribute->value, *scope_);
    if (value.is_unknown()) {
      problems_.unresolved.push_back(
          {use_site(*attribute), fmt::format("{} of {} is not known statically ({}); it is not "
                                             "checked",
                                             name, address, describe_unknown(value))});
      return;
    }
    ObjectView objects(value, use_site(*attribute), resource_block_, context_);
    objects.type = type;
    objects.address = address;
    objects.objects(value, out);
  }

  SourceLocation use_site(const hcl::Attribute& attribute) const {
    return hcl::to_location(file_.tree.file, file_.tree[attribute.value].range);
  }

  std::unique_ptr<ConfigResourceView> nested(const hcl::Body& body, const hcl::Scope& scope,
                                             const SourceLocation& at) const {
    auto view = std::make_unique<ConfigResourceView>(module_, file_, body, scope, resource_block_,
                                                     context_, problems_);
    view->type = type;
    view->address = address;
    view->location = at;
    return view;
  }

  // dynamic "record" { for_each = ...  iterator = name  content { ... } }
  void expand_dynamic(const hcl::Block& block,
                      std::vector<std::unique_ptr<ResourceView>>& out) const {
    const hcl::Block* content = nullptr;
    for (const hcl::Block& inner : block.body.blocks) {
      if (inner.type == "content") {
        content = &inner;
        break;
      }
    }
    const SourceLocation at = hcl::to_location(file_.tree.file, block.range);
    if (content == nullptr) {
      problems_.syntax_errors.push_back(
          {at, fmt::format("dynamic \"{}\" block of {} has no content block", block.labels[0],
                           address)});
      return;
    }
    std::string iterator = block.labels[0];
    if (const hcl::Attribute* named = block.body.attribute("iterator")) {
      if (const auto* traversal = std::get_if<hcl::ScopeTraversal>(&file_.tree[named->value].node))
        iterator = traversal->root;
    }
    const hcl::Attribute* for_each = block.body.attribute("for_each");
    const Value collection = for_each ? module_.evaluate(file_, for_each->value, *scope_)
                                      : Value::error("a dynamic block needs for_each", at);
    terraform::Expansion expansion = terraform::expand_value(
        Value::null(), collection, iterator, true, for_each ? use_site(*for_each) : at);
    if (auto* refusal = std::get_if<terraform::Refusal>(&expansion)) {
      problems_.syntax_errors.push_back(
          {refusal->at, fmt::format("Terraform refuses the dynamic \"{}\" block of {}: {}",
                                    block.labels[0], address, refusal->why)});
      return;
    }
    if (auto* why = std::get_if<Value>(&expansion)) {
      problems_.unresolved.push_back(
          {for_each ? use_site(*for_each) : at,
           fmt::format("the {} blocks of {} are not known statically ({}); "
                       "they are not checked",
                       block.labels[0], address, describe_unknown(*why))});
      return;
    }
    for (terraform::Repetition& repetition :
         std::get<std::vector<terraform::Repetition>>(expansion)) {
      auto scope = std::make_unique<terraform::RepetitionScope>(*scope_, repetition);
      auto view = nested(content->body, *scope, hcl::to_location(file_.tree.file, content->range));
      view->owned_scope_ = std::move(scope);
      out.push_back(std::move(view));
    }
  }

  IacValue to_value(const Value& value, const SourceLocation& use_site) const {
    return to_iac_value(value, use_site, resource_block_, context_);
  }

 private:
  const ModuleInstance& module_;
  const ConfigFile& file_;
  const hcl::Body& body_;
  const hcl::Scope* scope_;
  std::unique_ptr<hcl::Scope> owned_scope_;
  SourceLocation resource_block_;
  std::vector<RelatedLocation> context_;
  Problems& problems_;
};

// Reads the records of a module instance and of the instances of the local modules it calls.
class RecordReader {
 public:
  RecordReader(IacModelBuilder& builder) : builder_(builder) {}

  void read(const ModuleInstance& module) {
    std::vector<RelatedLocation> context;
    if (const auto* call = module.call()) {
      std::string name = module.address();
      name.pop_back();
      context.push_back({hcl::to_location(call->file->tree.file, call->block->range),
                         fmt::format("{} calls this module here", name)});
    }
    for (const terraform::ResourceDeclaration* resource : module.config().resources()) {
      if (resource->data) continue;
      if (!zone_name_attributes(resource->type).empty()) {
        declare_zone(module, *resource);
        continue;
      }
      if (looks_like_dns_resource(resource->type)) {
        builder_.unresolved(hcl::to_location(resource->file->tree.file, resource->block->range),
                            unread_resource_message(module.address() + resource->address));
        continue;
      }
      if (is_dns_record_resource(resource->type)) read_resource(module, *resource, context);
    }
    for (const terraform::ModuleCallDeclaration* call : module.config().calls()) {
      terraform::Expansion expansion = module.expand(*call->file, call->block->body);
      if (auto* refusal = std::get_if<terraform::Refusal>(&expansion)) {
        builder_.syntax_error(refusal->at, fmt::format("Terraform refuses {}module.{}: {}",
                                                       module.address(), call->name, refusal->why));
        continue;
      }
      std::optional<Value> why;
      const auto& children = module.children(*call, why);
      if (why) {
        const hcl::Attribute* source = call->block->body.attribute("source");
        const SourceLocation at = hcl::to_location(
            call->file->tree.file,
            source != nullptr ? call->file->tree[source->value].range : call->block->type_range);
        builder_.unresolved(at, describe_unknown(*why));
        continue;
      }
      for (const terraform::ChildModule& child : children) read(*child.instance);
    }
  }

 private:
  void read_resource(const ModuleInstance& module, const terraform::ResourceDeclaration& resource,
                     const std::vector<RelatedLocation>& context) {
    const ConfigFile& file = *resource.file;
    const hcl::Block& block = *resource.block;
    // A block with a syntax error in it is reported there; what the parser made of the rest
    // of it is not a configuration anyone wrote.
    const bool broken = std::any_of(file.tree.errors.begin(), file.tree.errors.end(),
                                    [&](const hcl::Diagnostic& error) {
                                      return error.range.start.byte >= block.range.start.byte &&
                                             error.range.start.byte < block.range.end.byte;
                                    });
    if (broken) return;
    const SourceLocation whole = hcl::to_location(file.tree.file, block.range);
    // Findings about the resource as a whole point at its header.
    SourceLocation header = hcl::to_location(
        file.tree.file,
        hcl::span(block.type_range,
                  block.label_ranges.empty() ? block.type_range : block.label_ranges.back()));
    if (file.tree.body.from_json)
      header = {whole.file, whole.line, whole.column, whole.line, whole.column + 1};
    terraform::Expansion expansion = module.expand(file, block.body);
    if (auto* refusal = std::get_if<terraform::Refusal>(&expansion)) {
      builder_.syntax_error(refusal->at, fmt::format("Terraform refuses {}{}: {}", module.address(),
                                                     resource.address, refusal->why));
      return;
    }
    if (auto* why = std::get_if<Value>(&expansion)) {
      builder_.unresolved(header,
                          fmt::format("the instances of {}{} are not known statically "
                                      "({}); it is not checked",
                                      module.address(), resource.address, describe_unknown(*why)));
      return;
    }
    for (const terraform::Repetition& repetition :
         std::get<std::vector<terraform::Repetition>>(expansion)) {
      const terraform::RepetitionScope scope(module, repetition);
      ConfigResourceView::Problems problems;
      ConfigResourceView view(module, file, block.body, scope, whole, context, problems);
      view.type = resource.type;
      view.address = module.address() + resource.address + repetition.key;
      view.location = header;
      AdaptedResource adapted = adapt_resource(view);
      for (auto& finding : adapted.findings) builder_.add_finding(finding.take());
      for (const auto& set : adapted.record_sets) builder_.add(set);
      for (auto& [at, message] : problems.syntax_errors)
        builder_.syntax_error(at, std::move(message));
      for (auto& [at, message] : problems.unresolved) builder_.unresolved(at, std::move(message));
    }
  }

  // Tells the builder of the zones a zone resource creates, by their domain names.
  void declare_zone(const ModuleInstance& module, const terraform::ResourceDeclaration& resource) {
    const ConfigFile& file = *resource.file;
    terraform::Expansion expansion = module.expand(file, resource.block->body);
    auto* repetitions = std::get_if<std::vector<terraform::Repetition>>(&expansion);
    if (repetitions == nullptr) return;  // reported where its records use it
    for (const terraform::Repetition& repetition : *repetitions) {
      const terraform::RepetitionScope scope(module, repetition);
      for (std::string_view attribute : zone_name_attributes(resource.type)) {
        const hcl::Attribute* domain = resource.block->body.attribute(attribute);
        if (domain == nullptr) continue;
        const Value name = module.evaluate(file, domain->value, scope);
        if (name.kind() == Value::Kind::string) {
          builder_.declare_zone({provider_of(resource.type), name.as_string(),
                                 module.address() + resource.address + repetition.key});
        }
        break;
      }
    }
  }

  IacModelBuilder& builder_;
};

// The root module's variable values: auto-loaded tfvars, then --var-file, then --var.
std::map<std::string, Value> root_values(const std::vector<ConfigFile*>& tfvars,
                                         const std::vector<std::unique_ptr<ConfigFile>>& var_files,
                                         const TerraformVariables* variables,
                                         const ModuleConfig& config,
                                         hcl::EvaluationBudget& budget) {
  std::map<std::string, Value> values;
  const hcl::EmptyScope constants;
  auto take = [&](const ConfigFile& file) {
    hcl::Evaluator evaluator(file.tree, budget);
    for (const hcl::Attribute& attribute : file.tree.body.attributes)
      values[attribute.name] = evaluator.evaluate(attribute.value, constants);
  };
  for (const ConfigFile* file : tfvars) take(*file);
  for (const auto& file : var_files) take(*file);
  if (variables == nullptr) return values;
  for (const auto& [name, text] : variables->values) {
    // As Terraform reads -var: a value for a collection or object variable is an expression,
    // any other a literal string.
    const auto declared = config.variables().find(name);
    const bool structured = declared != config.variables().end() && declared->second.type &&
                            declared->second.type->kind != hcl::TypeConstraint::Kind::any &&
                            declared->second.type->kind != hcl::TypeConstraint::Kind::string &&
                            declared->second.type->kind != hcl::TypeConstraint::Kind::number &&
                            declared->second.type->kind != hcl::TypeConstraint::Kind::boolean;
    if (!structured) {
      values[name] = Value::string(text);
      continue;
    }
    hcl::SyntaxTree tree;
    const hcl::ExprId expression = hcl::parse_expression(text, {}, tree);
    if (!tree.errors.empty()) {
      values[name] = Value::error(fmt::format("--var {}: {}", name, tree.errors.front().message));
      continue;
    }
    hcl::Evaluator evaluator(tree, budget);
    values[name] = evaluator.evaluate(expression, constants).at({});
  }
  return values;
}

}  // namespace

bool is_auto_tfvars(std::string_view name) {
  return name == "terraform.tfvars" || name == "terraform.tfvars.json" ||
         name.ends_with(".auto.tfvars") || name.ends_with(".auto.tfvars.json");
}

ReadResult read_terraform_module(const std::vector<SourceText>& sources,
                                 const TerraformReadOptions& options) {
  ReadResult out;
  IacModelBuilder builder(out);
  FileReader reader(builder, out, options.limits);
  // Larger configurations may make more values; a small one that makes millions is hostile.
  hcl::EvaluationBudget budget;
  for (const SourceText& source : sources) budget.elements += source.content.size() / 4;
  const terraform::ReportProblem report = [&](std::string_view rule, const SourceLocation& at,
                                              std::string message) {
    builder.add_finding(rule, at, std::move(message));
  };

  std::vector<std::unique_ptr<ConfigFile>> files;
  std::vector<ConfigFile*> auto_tfvars;
  for (const SourceText& source : sources) {
    const std::string name = file_name(source.display_path);
    ConfigFile::Role role = ConfigFile::Role::configuration;
    if (is_tfvars_name(name)) {
      role = is_auto_tfvars(name) ? ConfigFile::Role::auto_variables : ConfigFile::Role::variables;
    }
    files.push_back(reader.read(source, role));
    if (role == ConfigFile::Role::auto_variables) auto_tfvars.push_back(files.back().get());
  }
  std::sort(auto_tfvars.begin(), auto_tfvars.end(), tfvars_precedes);
  std::vector<std::unique_ptr<ConfigFile>> var_files;
  if (options.variables != nullptr) {
    for (const SourceText& source : options.variables->files)
      var_files.push_back(reader.read(source, ConfigFile::Role::variables));
  }

  const ModuleConfig config(options.directory.empty() ? "." : options.directory, options.identity,
                            std::move(files), budget, report);
  out.identity = options.identity;
  LocalModules modules(options.modules, reader, budget, report, out);
  const ModuleInstance root(config,
                            root_values(auto_tfvars, var_files, options.variables, config, budget),
                            budget, modules);
  RecordReader(builder).read(root);
  builder.finish();

  // Findings in files read only for context belong to another run.
  std::vector<bool> context_only(out.files.size(), false);
  for (const auto& file : config.files()) {
    if (file->context_only) context_only[file->tree.file] = true;
  }
  std::erase_if(out.findings, [&](const Finding& f) { return context_only[f.location.file]; });
  return out;
}

}  // namespace dnslint
