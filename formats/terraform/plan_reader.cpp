// read_terraform_plan_or_state: `terraform show -json` plans and states, and version 4 state
// files.
#include <fmt/format.h>

#include <map>

#include "formats/document_tree.hpp"
#include "formats/iac_records.hpp"
#include "formats/terraform/resources.hpp"
#include "formats/terraform/terraform_reader.hpp"

namespace dnslint {
namespace {

// Attributes that point at a zone, where a zone's id stands for its name.
bool is_zone_attribute(std::string_view name) {
  return name == "zone_id" || name == "managed_zone" || name == "zone" || name == "domain" ||
         name == "domain_id" || name == "zone_name" || name == "zone_name_or_id";
}

// A zone the plan or state knows: its domain, and whether the same code creates it (a
// resource) or only reads it (a data source, a zone managed elsewhere).
struct KnownZone {
  std::string domain;
  bool created_here = true;
  std::string address;  // the instance: aws_route53_zone.main["example.com"]
  std::string provider;
};

struct Zones {
  std::map<std::string, KnownZone> by_id;       // zone_id, id or resource name -> zone
  std::map<std::string, KnownZone> by_address;  // aws_route53_zone.main["x"] -> zone
  // The instances of each zone resource: aws_route53_zone.main -> its instance addresses.
  std::map<std::string, std::vector<std::string>> instances;
};

// How a record's configuration names its zone: the zone resource's configuration address
// ("module.mail.aws_route53_zone.this"), and whether the instance is picked by the record's
// own key (`aws_route53_zone.main[each.key]`, `[count.index]`).
struct ZoneReference {
  std::string zone;
  bool same_key = false;
};

// An instance address in its parts: `module.a["x"].aws_route53_record.mx[0]` is the module
// instance `module.a["x"].`, the resource `aws_route53_record.mx` and the key `[0]`.
struct Address {
  std::string module;
  std::string resource;
  std::string key;
};

Address split_address(const std::string& address) {
  // The resource is the last two dot-separated parts outside brackets, then its key.
  std::vector<std::size_t> dots;
  int depth = 0;
  bool quoted = false;
  for (std::size_t i = 0; i < address.size(); ++i) {
    const char c = address[i];
    if (quoted) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        quoted = false;
    } else if (c == '"') {
      quoted = true;
    } else if (c == '[') {
      ++depth;
    } else if (c == ']') {
      --depth;
    } else if (c == '.' && depth == 0) {
      dots.push_back(i);
    }
  }
  Address parts;
  const std::size_t start = dots.size() >= 2 ? dots[dots.size() - 2] + 1 : 0;
  parts.module = address.substr(0, start);
  std::string rest = address.substr(start);
  const std::size_t bracket = rest.find('[');
  parts.resource = rest.substr(0, bracket);
  if (bracket != std::string::npos) parts.key = rest.substr(bracket);
  return parts;
}

// A module instance path without its instance keys: the configuration's address of it.
std::string without_keys(const std::string& module) {
  std::string out;
  int depth = 0;
  bool quoted = false;
  for (std::size_t i = 0; i < module.size(); ++i) {
    const char c = module[i];
    if (quoted) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        quoted = false;
      continue;
    }
    if (c == '"' && depth > 0) {
      quoted = true;
    } else if (c == '[') {
      ++depth;
    } else if (c == ']') {
      --depth;
    } else if (depth == 0) {
      out += c;
    }
  }
  return out;
}

// A zone attribute's value in a plan names a zone resource instance.
void mark_zone_reference(IacValue& value, const KnownZone& zone) {
  value.text = zone.domain;
  value.zone_reference = true;
  value.zone_created_here = zone.created_here;
  if (zone.created_here) value.zone_resource = zone.address;
}

class PlanResource : public ResourceView {
 public:
  PlanResource(const DocumentTree& tree, NodeId values, NodeId unknown, const Zones& zones,
               std::optional<KnownZone> referenced_zone)
      : tree_(tree),
        values_(values),
        unknown_(unknown),
        zones_(zones),
        referenced_zone_(std::move(referenced_zone)) {}

  std::optional<IacValue> scalar(std::string_view name) const override {
    if (is_unknown(unknown_, name)) {
      if (is_zone_attribute(name) && referenced_zone_) {
        IacValue zone{"", location, std::nullopt};
        mark_zone_reference(zone, *referenced_zone_);
        return zone;
      }
      return IacValue{"", location, "known only after apply"};
    }
    const NodeId node = tree_.get(values_, name);
    if (!tree_.is_scalar(node)) return std::nullopt;
    IacValue value{tree_[node].text, tree_[node].location, std::nullopt};
    if (is_zone_attribute(name)) {
      if (auto found = zones_.by_id.find(value.text); found != zones_.by_id.end())
        mark_zone_reference(value, found->second);
    }
    return value;
  }

  std::vector<IacValue> list(std::string_view name) const override {
    if (is_unknown(unknown_, name)) return {IacValue{"", location, "known only after apply"}};
    const NodeId node = tree_.get(values_, name);
    const NodeId unknown_items = unknown_ == kNoNode ? kNoNode : tree_.get(unknown_, name);
    std::vector<IacValue> out;
    const auto items = tree_.items(node);
    for (std::size_t i = 0; i < items.size(); ++i) {
      const bool unknown = tree_.is_sequence(unknown_items) &&
                           i < tree_[unknown_items].children.size() &&
                           tree_[tree_[unknown_items].children[i]].text == "true";
      if (unknown) {
        out.push_back(IacValue{"", tree_[items[i]].location, "known only after apply"});
      } else if (tree_.is_scalar(items[i])) {
        out.push_back(IacValue{tree_[items[i]].text, tree_[items[i]].location, std::nullopt});
      }
    }
    return out;
  }

  std::vector<std::unique_ptr<ResourceView>> blocks(std::string_view name) const override {
    std::vector<std::unique_ptr<ResourceView>> out;
    const NodeId node = tree_.get(values_, name);
    const NodeId unknown_blocks = unknown_ == kNoNode ? kNoNode : tree_.get(unknown_, name);
    const auto items = tree_.items(node);
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (!tree_.is_mapping(items[i])) continue;
      NodeId unknown = kNoNode;
      if (tree_.is_sequence(unknown_blocks) && i < tree_[unknown_blocks].children.size())
        unknown = tree_[unknown_blocks].children[i];
      auto block = std::make_unique<PlanResource>(tree_, items[i], unknown, zones_, std::nullopt);
      block->is_configuration = false;
      block->type = type;
      block->address = address;
      block->location = tree_[items[i]].location;
      out.push_back(std::move(block));
    }
    return out;
  }

 private:
  bool is_unknown(NodeId unknown, std::string_view name) const {
    const NodeId flag = unknown == kNoNode ? kNoNode : tree_.get(unknown, name);
    return flag != kNoNode && tree_[flag].kind == TreeNode::Kind::boolean &&
           tree_[flag].text == "true";
  }

  const DocumentTree& tree_;
  NodeId values_;
  NodeId unknown_;
  const Zones& zones_;
  std::optional<KnownZone> referenced_zone_;
};

// One resource instance to read: where its values are, and which of them are unknown.
struct Instance {
  std::string type;
  std::string address;
  NodeId object = kNoNode;  // for the position
  NodeId values = kNoNode;
  NodeId unknown = kNoNode;
  bool data = false;  // a data source: it reads a zone, never makes records
};

class PlanReader {
 public:
  PlanReader(const DocumentTree& tree, IacModelBuilder& builder) : tree_(tree), builder_(builder) {}

  void read(NodeId root) {
    if (tree_.get(root, "planned_values") != kNoNode ||
        tree_.get(root, "resource_changes") != kNoNode) {
      read_plan(root);
    } else if (const NodeId values = tree_.get(root, "values"); values != kNoNode) {
      // `terraform show -json` of a state: the plan's shape, without changes.
      read_module(tree_.get(values, "root_module"), {});
    } else {
      read_state(root);
    }
    for (const Instance& instance : instances_) note_zone(instance);
    for (const auto& [address, zone] : zones_.by_address) {
      if (zone.created_here) {
        builder_.declare_zone({zone.provider, zone.domain, address});
      }
    }
    for (const Instance& instance : instances_) {
      if (!instance.data && looks_like_dns_resource(instance.type)) {
        SourceLocation at = tree_[instance.object].location;
        at.end_line = at.line;
        at.end_column = at.column + 1;
        builder_.unresolved(at, unread_resource_message(instance.address));
        continue;
      }
      if (instance.data || !is_dns_record_resource(instance.type)) continue;
      PlanResource view(tree_, instance.values, instance.unknown, zones_,
                        referenced_zone(instance.address));
      view.is_configuration = false;
      view.type = instance.type;
      view.address = instance.address;
      view.location = tree_[instance.object].location;
      view.location.end_line = view.location.line;
      view.location.end_column = view.location.column + 1;
      AdaptedResource adapted = adapt_resource(view);
      for (auto& finding : adapted.findings) builder_.add_finding(finding.take());
      for (const auto& set : adapted.record_sets) builder_.add(set);
    }
  }

 private:
  std::string text(NodeId mapping, std::string_view key) const {
    return tree_.scalar(mapping, key).value_or("");
  }

  // The zone instance a record instance's configuration refers to, where the plan says which:
  // the only instance of the zone resource, or the one of the record's own key. Otherwise the
  // zone stays unknown, never a guess among several.
  std::optional<KnownZone> referenced_zone(const std::string& record) const {
    const Address at = split_address(record);
    const auto reference = zone_references_.find(without_keys(at.module) + at.resource);
    if (reference == zone_references_.end()) return std::nullopt;
    const Address zone_at = split_address(reference->second.zone);
    // A zone of the record's own module is in the record's module instance; one of another
    // module (through an output) in that module's only instance.
    const std::string base =
        (zone_at.module == without_keys(at.module) ? at.module : zone_at.module) + zone_at.resource;
    const auto instances = zones_.instances.find(base);
    if (instances == zones_.instances.end()) return std::nullopt;
    std::string address;
    if (instances->second.size() == 1) {
      address = instances->second.front();
    } else if (reference->second.same_key) {
      address = base + at.key;
    }
    const auto zone = zones_.by_address.find(address);
    if (zone == zones_.by_address.end()) return std::nullopt;
    return zone->second;
  }

  void read_plan(NodeId root) {
    std::map<std::string, NodeId> unknown_by_address;
    for (NodeId change : tree_.items(tree_.get(root, "resource_changes"))) {
      const NodeId details = tree_.get(change, "change");
      unknown_by_address[text(change, "address")] = tree_.get(details, "after_unknown");
    }
    // The data sources the plan read (the zones of records added to an existing zone) are in
    // the prior state only.
    read_module(tree_.get(tree_.get(tree_.get(root, "prior_state"), "values"), "root_module"), {},
                true);
    const NodeId planned = tree_.get(tree_.get(root, "planned_values"), "root_module");
    if (planned != kNoNode) {
      read_module(planned, unknown_by_address);
    } else {
      // A plan without planned_values: the changes' after values.
      for (NodeId change : tree_.items(tree_.get(root, "resource_changes"))) {
        const NodeId details = tree_.get(change, "change");
        if (text(change, "mode") == "data") continue;
        Instance instance{text(change, "type"), text(change, "address"), change,
                          tree_.get(details, "after"), tree_.get(details, "after_unknown")};
        if (tree_.is_mapping(instance.values)) instances_.push_back(instance);
      }
    }
    read_configuration(tree_.get(tree_.get(root, "configuration"), "root_module"), "", 0);
  }

  // The instances of a module of planned or state values, and of its child modules; only its
  // data sources when `data_only`.
  void read_module(NodeId module, const std::map<std::string, NodeId>& unknown,
                   bool data_only = false) {
    for (NodeId resource : tree_.items(tree_.get(module, "resources"))) {
      Instance instance{text(resource, "type"),
                        text(resource, "address"),
                        resource,
                        tree_.get(resource, "values"),
                        kNoNode,
                        text(resource, "mode") == "data"};
      if (data_only && !instance.data) continue;
      if (auto found = unknown.find(instance.address); found != unknown.end())
        instance.unknown = found->second;
      if (tree_.is_mapping(instance.values)) instances_.push_back(instance);
    }
    for (NodeId child : tree_.items(tree_.get(module, "child_modules")))
      read_module(child, unknown, data_only);
  }

  // configuration.*.expressions.<zone attribute>.references name the zone resource of values
  // that are unknown in the plan (a zone created in the same apply).
  // The zone resource the references of an expression of `module` (at `prefix`) name, through
  // the outputs of the modules it calls; "" when they name none.
  std::string referenced_zone_resource(NodeId module, NodeId references, const std::string& prefix,
                                       unsigned depth) const {
    if (depth > 32) return {};
    for (NodeId reference : tree_.items(references)) {
      const std::string& target = tree_[reference].text;
      if (target.starts_with("var.") || target.starts_with("local.") ||
          target.starts_with("each.") || target.starts_with("count.")) {
        continue;
      }
      if (target.starts_with("module.")) {
        // module.NAME.OUTPUT: what the output's expression refers to, in that module.
        const std::size_t name_end = target.find('.', 7);
        if (name_end == std::string::npos) continue;
        const std::string name = target.substr(7, name_end - 7);
        const std::string output =
            target.substr(name_end + 1, target.find('.', name_end + 1) - name_end - 1);
        const NodeId called =
            tree_.get(tree_.get(tree_.get(module, "module_calls"), name), "module");
        const NodeId expression =
            tree_.get(tree_.get(tree_.get(called, "outputs"), output), "expression");
        const std::string found =
            referenced_zone_resource(called, tree_.get(expression, "references"),
                                     prefix + "module." + name + ".", depth + 1);
        if (!found.empty()) return found;
        continue;
      }
      const auto dot = target.find('.', target.starts_with("data.") ? 5 : 0);
      const auto end = dot == std::string::npos ? dot : target.find('.', dot + 1);
      return prefix + target.substr(0, std::min(end, target.find('[')));
    }
    return {};
  }

  void read_configuration(NodeId module, const std::string& prefix, unsigned depth) {
    if (module == kNoNode || depth > 32) return;
    for (NodeId resource : tree_.items(tree_.get(module, "resources"))) {
      const NodeId expressions = tree_.get(resource, "expressions");
      for (const auto& [key, value] : tree_.entries(expressions)) {
        if (!is_zone_attribute(tree_[key].text)) continue;
        const NodeId references = tree_.get(value, "references");
        ZoneReference zone{referenced_zone_resource(module, references, prefix, depth), false};
        for (NodeId reference : tree_.items(references)) {
          const std::string& target = tree_[reference].text;
          if (target == "each.key" || target == "count.index") zone.same_key = true;
        }
        if (!zone.zone.empty()) zone_references_.emplace(prefix + text(resource, "address"), zone);
      }
    }
    for (const auto& [key, call] : tree_.entries(tree_.get(module, "module_calls"))) {
      read_configuration(tree_.get(call, "module"), prefix + "module." + tree_[key].text + ".",
                         depth + 1);
    }
  }

  void read_state(NodeId root) {
    for (NodeId resource : tree_.items(tree_.get(root, "resources"))) {
      const bool data = text(resource, "mode") == "data";
      std::string base =
          (data ? "data." : "") + text(resource, "type") + "." + text(resource, "name");
      if (auto module = tree_.scalar(resource, "module")) base = *module + "." + base;
      for (NodeId instance : tree_.items(tree_.get(resource, "instances"))) {
        std::string address = base;
        const NodeId key = tree_.get(instance, "index_key");
        if (tree_.is_scalar(key)) {
          address += tree_[key].kind == TreeNode::Kind::string
                         ? fmt::format("[\"{}\"]", tree_[key].text)
                         : fmt::format("[{}]", tree_[key].text);
        }
        Instance found{text(resource, "type"),
                       address,
                       instance,
                       tree_.get(instance, "attributes"),
                       kNoNode,
                       data};
        if (tree_.is_mapping(found.values)) instances_.push_back(found);
      }
    }
  }

  void note_zone(const Instance& instance) {
    const auto attributes = zone_name_attributes(instance.type);
    for (std::string_view attribute : attributes) {
      auto domain = tree_.scalar(instance.values, attribute);
      if (!domain) continue;
      const Address at = split_address(instance.address);
      const std::string base = at.module + at.resource;
      const KnownZone zone{*domain, !instance.data, instance.address, provider_of(instance.type)};
      zones_.by_address.emplace(instance.address, zone);
      zones_.instances[base].push_back(instance.address);
      for (std::string_view id : {"zone_id", "id", "name"}) {
        if (auto value = tree_.scalar(instance.values, id)) zones_.by_id.emplace(*value, zone);
      }
      break;
    }
  }

  const DocumentTree& tree_;
  IacModelBuilder& builder_;
  std::vector<Instance> instances_;
  Zones zones_;
  std::map<std::string, ZoneReference> zone_references_;  // record resource -> its zone
};

}  // namespace

ReadResult read_terraform_plan_or_state(const SourceText& source, const DocumentLimits& limits) {
  ReadResult out;
  IacModelBuilder builder(out);
  const FileId file = builder.add_file(source.display_path);
  ParsedDocument document = parse_json(source.content, file, limits);
  builder.document_errors(document, file, false);
  for (NodeId root : document.tree.roots) {
    if (document.tree.is_mapping(root)) PlanReader(document.tree, builder).read(root);
  }
  builder.finish();
  return out;
}

}  // namespace dnslint
