// read_terraform_module: HCL JSON configuration, evaluated as far as it can be statically.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <map>

#include "formats/document_tree.hpp"
#include "formats/iac_records.hpp"
#include "formats/suppressions.hpp"
#include "formats/terraform/terraform_reader.hpp"
#include "formats/terraform/resources.hpp"
#include "formats/zone/zone_scanner.hpp"

namespace dnslint {
namespace {

constexpr unsigned kMaxEvaluationDepth = 16;

struct NodeRef {
  const DocumentTree* tree = nullptr;
  NodeId node = kNoNode;
};

// The result of evaluating an expression: text, a list, an object (still a document node) or
// unknown with the reason.
struct Evaluated {
  enum class Kind { absent, text, list, object, unknown } kind = Kind::absent;
  std::string text;  // text, or the reason when unknown
  std::vector<Evaluated> items;
  NodeRef object;
  bool literal = false;  // object from a variable value: its strings are not templates
  bool zone_reference = false;
  SourceLocation location;

  static Evaluated unknown(std::string why, const SourceLocation& at) {
    Evaluated e;
    e.kind = Kind::unknown;
    e.text = std::move(why);
    e.location = at;
    return e;
  }
};

// Calls `visit` for every object of an HCL JSON block value: an object, or an array of them.
template <typename Visit>
void for_each_object(const DocumentTree& tree, NodeId node, const Visit& visit) {
  if (tree.is_mapping(node)) {
    visit(node);
  } else if (tree.is_sequence(node)) {
    for (NodeId item : tree[node].children) {
      if (tree.is_mapping(item)) visit(item);
    }
  }
}

// Calls `visit(label, value)` for every property of a block value but "//" comments.
template <typename Visit>
void for_each_property(const DocumentTree& tree, NodeId node, const Visit& visit) {
  for_each_object(tree, node, [&](NodeId object) {
    for (const auto& [key, value] : tree.entries(object)) {
      if (tree[key].text != "//") visit(tree[key].text, value);
    }
  });
}

struct Segment {
  std::string name;
  bool index = false;
};

std::string_view trim(std::string_view text) {
  const auto begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  return text.substr(begin, text.find_last_not_of(" \t\r\n") - begin + 1);
}

bool is_identifier_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
}

// `a.b["c"][0].d` into segments; nullopt when `text` is not a plain traversal.
std::optional<std::vector<Segment>> parse_traversal(std::string_view text) {
  std::vector<Segment> segments;
  std::size_t i = 0;
  auto identifier = [&]() -> std::optional<std::string> {
    const std::size_t start = i;
    while (i < text.size() && is_identifier_char(text[i])) ++i;
    if (i == start || std::isdigit(static_cast<unsigned char>(text[start]))) return std::nullopt;
    return std::string(text.substr(start, i - start));
  };
  auto first = identifier();
  if (!first) return std::nullopt;
  segments.push_back({*first, false});
  while (i < text.size()) {
    if (text[i] == '.') {
      ++i;
      if (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
        const std::size_t start = i;
        while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
        segments.push_back({std::string(text.substr(start, i - start)), true});
        continue;
      }
      auto next = identifier();
      if (!next) return std::nullopt;
      segments.push_back({*next, false});
    } else if (text[i] == '[') {
      const auto close = text.find(']', i);
      if (close == std::string_view::npos) return std::nullopt;
      std::string_view key = trim(text.substr(i + 1, close - i - 1));
      if (key.size() >= 2 && key.front() == '"' && key.back() == '"') {
        key = key.substr(1, key.size() - 2);
      } else if (key.empty() || !std::all_of(key.begin(), key.end(), [](char c) {
                   return std::isdigit(static_cast<unsigned char>(c));
                 })) {
        return std::nullopt;
      }
      segments.push_back({std::string(key), true});
      i = close + 1;
    } else {
      return std::nullopt;
    }
  }
  return segments;
}

// Integer arithmetic of literals ("60 * 5"), the only operators worth evaluating for records.
std::optional<long long> evaluate_arithmetic(std::string_view text) {
  std::vector<long long> terms;
  std::vector<char> operators;
  std::size_t i = 0;
  auto skip_blank = [&] {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  };
  while (true) {
    skip_blank();
    long long value = 0;
    const auto [end, ec] = std::from_chars(text.data() + i, text.data() + text.size(), value);
    if (ec != std::errc()) return std::nullopt;
    i = static_cast<std::size_t>(end - text.data());
    terms.push_back(value);
    skip_blank();
    if (i == text.size()) break;
    if (std::string_view("+-*").find(text[i]) == std::string_view::npos) return std::nullopt;
    operators.push_back(text[i++]);
  }
  // Multiplication first, then left to right.
  for (std::size_t k = 0; k < operators.size();) {
    if (operators[k] == '*') {
      if (__builtin_mul_overflow(terms[k], terms[k + 1], &terms[k])) return std::nullopt;
      terms.erase(terms.begin() + static_cast<long>(k) + 1);
      operators.erase(operators.begin() + static_cast<long>(k));
    } else {
      ++k;
    }
  }
  long long result = terms[0];
  for (std::size_t k = 0; k < operators.size(); ++k) {
    if (operators[k] == '+' ? __builtin_add_overflow(result, terms[k + 1], &result)
                            : __builtin_sub_overflow(result, terms[k + 1], &result)) {
      return std::nullopt;
    }
  }
  return result;
}

class Module;

class ConfigResource : public ResourceView {
 public:
  ConfigResource(const Module& module, NodeRef body) : module_(module), body_(body) {}
  std::optional<IacValue> scalar(std::string_view name) const override;
  std::vector<IacValue> list(std::string_view name) const override;
  std::vector<std::unique_ptr<ResourceView>> blocks(std::string_view name) const override;

 private:
  const Module& module_;
  NodeRef body_;
};

class Module {
 public:
  struct File {
    FileId id = 0;
    ParsedDocument document;
    bool context_only = false;
    bool tfvars = false;
  };

  std::vector<File> files;

  void index() {
    for (const File& file : files) {
      const DocumentTree& tree = file.document.tree;
      for (NodeId root : tree.roots) {
        if (!tree.is_mapping(root)) continue;
        if (file.tfvars) {
          for (const auto& [key, value] : tree.entries(root))
            variable_values_[tree[key].text] = {&tree, value};
          continue;
        }
        for (const auto& [key, value] : tree.entries(root)) {
          const std::string& block = tree[key].text;
          if (block == "variable") {
            for_each_property(tree, value, [&](const std::string& name, NodeId body) {
              for_each_object(tree, body, [&](NodeId object) {
                const NodeId fallback = tree.get(object, "default");
                if (fallback != kNoNode) variable_defaults_.emplace(name, NodeRef{&tree, fallback});
              });
            });
          } else if (block == "locals") {
            for_each_property(tree, value, [&](const std::string& name, NodeId expression) {
              locals_.emplace(name, NodeRef{&tree, expression});
            });
          } else if (block == "resource" || block == "data") {
            const std::string prefix = block == "data" ? "data." : "";
            for_each_property(tree, value, [&](const std::string& type, NodeId named) {
              for_each_property(tree, named, [&](const std::string& name, NodeId body) {
                for_each_object(tree, body, [&](NodeId object) {
                  const std::string address = prefix + type + "." + name;
                  if (!zone_name_attributes(type).empty())
                    zones_.emplace(address, std::pair{type, NodeRef{&tree, object}});
                  if (block == "resource" && is_dns_record_resource(type))
                    records_.push_back({type, address, NodeRef{&tree, object}, file.id});
                });
              });
            });
          }
        }
      }
    }
  }

  struct RecordResource {
    std::string type;
    std::string address;
    NodeRef body;
    FileId file;
  };
  const std::vector<RecordResource>& records() const { return records_; }

  Evaluated evaluate(NodeRef ref, unsigned depth, bool literal = false) const {
    const TreeNode& node = (*ref.tree)[ref.node];
    Evaluated result;
    result.location = node.location;
    switch (node.kind) {
      case TreeNode::Kind::null:
        return result;
      case TreeNode::Kind::boolean:
      case TreeNode::Kind::number:
        result.kind = Evaluated::Kind::text;
        result.text = node.text;
        return result;
      case TreeNode::Kind::string:
        if (literal) {
          result.kind = Evaluated::Kind::text;
          result.text = node.text;
          return result;
        }
        return evaluate_template(node.text, node.location, depth);
      case TreeNode::Kind::sequence:
        result.kind = Evaluated::Kind::list;
        for (NodeId item : node.children)
          result.items.push_back(evaluate({ref.tree, item}, depth, literal));
        return result;
      case TreeNode::Kind::mapping:
        result.kind = Evaluated::Kind::object;
        result.object = ref;
        result.literal = literal;
        return result;
    }
    return result;
  }

 private:
  Evaluated evaluate_template(const std::string& text, const SourceLocation& at,
                              unsigned depth) const {
    Evaluated result;
    result.kind = Evaluated::Kind::text;
    result.location = at;
    std::size_t i = 0;
    bool only_interpolation = true;
    std::vector<Evaluated> parts;
    std::string literal;
    while (i < text.size()) {
      if (text.compare(i, 3, "$${") == 0 || text.compare(i, 3, "%%{") == 0) {
        literal += text.substr(i + 1, 2);
        i += 3;
        continue;
      }
      if (text.compare(i, 2, "%{") == 0) {
        return Evaluated::unknown("a template directive", at);
      }
      if (text.compare(i, 2, "${") != 0) {
        literal += text[i++];
        continue;
      }
      // Find the matching brace, skipping quoted strings and nested braces.
      std::size_t j = i + 2;
      int braces = 1;
      bool quoted = false;
      for (; j < text.size() && braces > 0; ++j) {
        if (quoted) {
          if (text[j] == '\\')
            ++j;
          else if (text[j] == '"')
            quoted = false;
        } else if (text[j] == '"') {
          quoted = true;
        } else if (text[j] == '{') {
          ++braces;
        } else if (text[j] == '}') {
          --braces;
        }
      }
      if (braces > 0) return Evaluated::unknown("an unterminated ${ interpolation", at);
      std::string expression = text.substr(i + 2, j - i - 3);
      // `~` strip markers do not change a value.
      if (expression.starts_with('~')) expression.erase(0, 1);
      if (expression.ends_with('~')) expression.pop_back();
      if (!literal.empty()) {
        only_interpolation = false;
        Evaluated part;
        part.kind = Evaluated::Kind::text;
        part.text = std::move(literal);
        parts.push_back(std::move(part));
        literal.clear();
      }
      parts.push_back(evaluate_expression(expression, at, depth + 1));
      i = j;
    }
    if (parts.empty()) {
      result.text = std::move(literal);
      return result;
    }
    if (only_interpolation && literal.empty() && parts.size() == 1) {
      return std::move(parts.front());
    }
    if (!literal.empty()) {
      Evaluated part;
      part.kind = Evaluated::Kind::text;
      part.text = std::move(literal);
      parts.push_back(std::move(part));
    }
    std::string joined;
    for (const Evaluated& part : parts) {
      if (part.kind == Evaluated::Kind::unknown) return Evaluated::unknown(part.text, at);
      if (part.kind != Evaluated::Kind::text)
        return Evaluated::unknown("a list or object inside a string", at);
      joined += part.text;
    }
    result.text = std::move(joined);
    return result;
  }

  Evaluated evaluate_expression(std::string_view expression, const SourceLocation& at,
                                unsigned depth) const {
    expression = trim(expression);
    const std::string written(expression);
    if (depth > kMaxEvaluationDepth)
      return Evaluated::unknown(fmt::format("'{}' refers to itself", written), at);
    Evaluated result;
    result.kind = Evaluated::Kind::text;
    result.location = at;
    if (expression.size() >= 2 && expression.front() == '"' && expression.back() == '"' &&
        expression.substr(1, expression.size() - 2).find('"') == std::string_view::npos) {
      return evaluate_template(std::string(expression.substr(1, expression.size() - 2)), at, depth);
    }
    if (auto number = evaluate_arithmetic(expression)) {
      result.text = std::to_string(*number);
      return result;
    }
    if (expression == "true" || expression == "false") {
      result.text = written;
      return result;
    }
    auto segments = parse_traversal(expression);
    if (!segments) {
      return Evaluated::unknown(fmt::format("'{}' is an expression dnslint does not evaluate",
                                            printable_excerpt(written)),
                                at);
    }
    const std::string& root = segments->front().name;
    if (root == "var" && segments->size() >= 2) {
      const std::string& name = (*segments)[1].name;
      NodeRef value;
      if (auto found = variable_values_.find(name); found != variable_values_.end()) {
        value = found->second;
      } else if (auto fallback = variable_defaults_.find(name);
                 fallback != variable_defaults_.end()) {
        value = fallback->second;
      } else {
        return Evaluated::unknown(fmt::format("variable '{}' has no default or tfvars value", name),
                                  at);
      }
      return relocate(navigate(evaluate(value, depth, true), *segments, 2, depth, at), at);
    }
    if (root == "local" && segments->size() >= 2) {
      const auto found = locals_.find((*segments)[1].name);
      if (found == locals_.end())
        return Evaluated::unknown(fmt::format("local '{}' is not defined", (*segments)[1].name),
                                  at);
      return relocate(navigate(evaluate(found->second, depth + 1), *segments, 2, depth, at), at);
    }
    const bool data = root == "data";
    const std::size_t type_at = data ? 1 : 0;
    if (segments->size() >= type_at + 2) {
      const std::string address = fmt::format(
          "{}{}.{}", data ? "data." : "", (*segments)[type_at].name, (*segments)[type_at + 1].name);
      if (auto zone = zones_.find(address); zone != zones_.end()) {
        for (std::string_view attribute : zone_name_attributes(zone->second.first)) {
          const NodeRef body = zone->second.second;
          const NodeId name = body.tree->get(body.node, attribute);
          if (name == kNoNode) continue;
          Evaluated domain = evaluate({body.tree, name}, depth + 1);
          if (domain.kind == Evaluated::Kind::text) domain.zone_reference = true;
          return domain;
        }
      }
    }
    if (root == "count" || root == "each" || root == "self") {
      return Evaluated::unknown(fmt::format("it depends on {}", written), at);
    }
    return Evaluated::unknown(fmt::format("{} is known only after apply", written), at);
  }

  // A value defined elsewhere (a variable, a local) is reported where the resource uses it.
  static Evaluated relocate(Evaluated value, const SourceLocation& at) {
    value.location = at;
    for (Evaluated& item : value.items) item = relocate(std::move(item), at);
    return value;
  }

  // Follows `.attr` and `[index]` steps into an object or list value.
  Evaluated navigate(Evaluated value, const std::vector<Segment>& segments, std::size_t from,
                     unsigned depth, const SourceLocation& at) const {
    for (std::size_t i = from; i < segments.size(); ++i) {
      if (value.kind == Evaluated::Kind::unknown) return value;
      const Segment& step = segments[i];
      if (value.kind == Evaluated::Kind::object) {
        const NodeRef object = value.object;
        const NodeId next = object.tree->get(object.node, step.name);
        if (next == kNoNode)
          return Evaluated::unknown(fmt::format("it has no attribute '{}'", step.name), at);
        value = evaluate({object.tree, next}, depth + 1, value.literal);
      } else if (value.kind == Evaluated::Kind::list && step.index) {
        std::size_t index = 0;
        const auto [end, ec] =
            std::from_chars(step.name.data(), step.name.data() + step.name.size(), index);
        if (ec != std::errc() || index >= value.items.size())
          return Evaluated::unknown(fmt::format("index {} is out of range", step.name), at);
        value = Evaluated(value.items[index]);
      } else {
        return Evaluated::unknown(fmt::format("'{}' cannot be looked up here", step.name), at);
      }
    }
    return value;
  }

  std::map<std::string, NodeRef> variable_defaults_;
  std::map<std::string, NodeRef> variable_values_;
  std::map<std::string, NodeRef> locals_;
  std::map<std::string, std::pair<std::string, NodeRef>> zones_;
  std::vector<RecordResource> records_;
};

IacValue to_value(const Evaluated& evaluated) {
  IacValue value{evaluated.text, evaluated.location, std::nullopt};
  value.zone_reference = evaluated.zone_reference;
  if (evaluated.kind == Evaluated::Kind::unknown) {
    value.text.clear();
    value.unknown = evaluated.text;
  } else if (evaluated.kind != Evaluated::Kind::text) {
    value.text.clear();
    value.unknown = "a list or object where a single value belongs";
  }
  return value;
}

std::optional<IacValue> ConfigResource::scalar(std::string_view name) const {
  const NodeId node = body_.tree->get(body_.node, name);
  if (node == kNoNode) return std::nullopt;
  const Evaluated value = module_.evaluate({body_.tree, node}, 0);
  if (value.kind == Evaluated::Kind::absent) return std::nullopt;
  return to_value(value);
}

std::vector<IacValue> ConfigResource::list(std::string_view name) const {
  const NodeId node = body_.tree->get(body_.node, name);
  if (node == kNoNode) return {};
  const Evaluated value = module_.evaluate({body_.tree, node}, 0);
  std::vector<IacValue> out;
  if (value.kind == Evaluated::Kind::list) {
    for (const Evaluated& item : value.items) {
      if (item.kind == Evaluated::Kind::absent) continue;
      out.push_back(to_value(item));
      if (out.back().location.line == 0) out.back().location = value.location;
    }
  } else if (value.kind != Evaluated::Kind::absent) {
    out.push_back(to_value(value));
  }
  return out;
}

std::vector<std::unique_ptr<ResourceView>> ConfigResource::blocks(std::string_view name) const {
  std::vector<std::unique_ptr<ResourceView>> out;
  const DocumentTree& tree = *body_.tree;
  for (const auto& [key, value] : tree.entries(body_.node)) {
    if (tree[key].text != name) continue;
    for_each_object(tree, value, [&](NodeId object) {
      auto block = std::make_unique<ConfigResource>(module_, NodeRef{&tree, object});
      block->type = type;
      block->address = address;
      block->location = tree[object].location;
      out.push_back(std::move(block));
    });
  }
  return out;
}

// "//": "dnslint-disable ..." properties of a resource block.
void add_block_suppressions(const DocumentTree& tree, NodeId body, ReadResult& out) {
  for (const auto& [key, value] : tree.entries(body)) {
    if (tree[key].text != "//" || tree[value].kind != TreeNode::Kind::string) continue;
    const SourceLocation& block = tree[body].location;
    if (auto suppression =
            block_suppression(tree[value].text, tree[value].location, block.line, block.end_line)) {
      out.suppressions.push_back(std::move(*suppression));
    }
  }
}

}  // namespace

bool is_tfvars_json(std::string_view file_name) {
  return file_name == "terraform.tfvars.json" || file_name.ends_with(".auto.tfvars.json");
}

ReadResult read_terraform_module(const std::vector<SourceText>& sources,
                                 const DocumentLimits& limits) {
  ReadResult out;
  IacModelBuilder builder(out);
  Module module;
  for (const SourceText& source : sources) {
    Module::File file;
    file.id = builder.add_file(source.display_path);
    file.context_only = source.context_only;
    file.tfvars = is_tfvars_json(std::filesystem::path(source.display_path).filename().string());
    file.document = parse_json(source.content, file.id, limits);
    builder.document_errors(file.document, file.id, false);
    module.files.push_back(std::move(file));
  }
  module.index();
  for (const auto& resource : module.records()) {
    ConfigResource view(module, resource.body);
    view.type = resource.type;
    view.address = resource.address;
    view.location = (*resource.body.tree)[resource.body.node].location;
    view.location.end_line = view.location.line;
    view.location.end_column = view.location.column + 1;
    add_block_suppressions(*resource.body.tree, resource.body.node, out);
    AdaptedResource adapted = adapt_resource(view);
    for (auto& finding : adapted.findings)
      builder.add_finding(finding.rule, finding.location, std::move(finding.message));
    for (const auto& set : adapted.record_sets) builder.add(set);
  }
  builder.finish();
  // Findings in files read only for context belong to another run.
  for (const auto& file : module.files) {
    if (!file.context_only) continue;
    std::erase_if(out.findings, [&](const Finding& f) { return f.location.file == file.id; });
  }
  return out;
}

}  // namespace dnslint
