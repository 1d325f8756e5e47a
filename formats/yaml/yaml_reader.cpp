#include "formats/yaml/yaml_reader.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <map>

#include "formats/document_tree.hpp"
#include "formats/iac_records.hpp"
#include "formats/suppressions.hpp"
#include "model/ascii.hpp"
#include "model/rrtype.hpp"

namespace dnslint {
namespace {

// A record type octoDNS knows: a DNS type, octoDNS's own ALIAS and URLFWD, or a provider's
// ("Route53Provider/ALIAS").
bool is_octodns_type(std::string_view type) {
  if (type.empty()) return false;
  if (type == "ALIAS" || type == "URLFWD") return true;
  if (const auto slash = type.find('/'); slash != std::string_view::npos)
    return slash > 0 && slash + 1 < type.size();
  return type_from_name(type).has_value();
}

// An octoDNS record: a mapping with a known type.
bool is_octodns_record(const DocumentTree& tree, NodeId node) {
  return tree.is_mapping(node) && is_octodns_type(tree.scalar(node, "type").value_or(""));
}

// An octoDNS zone: names mapping to a record or a list of records, every one of a record type
// octoDNS knows, and some with a value. Other YAML has lists of mappings with a "type" too
// (Grafana's datasources of type prometheus, recyclarr's custom formats): they are not zones.
bool looks_like_octodns_zone(const DocumentTree& tree, NodeId root) {
  if (!tree.is_mapping(root)) return false;
  bool any = false;
  bool valued = false;
  for (const auto& [key, value] : tree.entries(root)) {
    const auto items = tree.items(value);
    if (items.empty()) continue;
    for (NodeId item : items) {
      if (!is_octodns_record(tree, item)) return false;
      valued = valued || tree.get(item, "value") != kNoNode || tree.get(item, "values") != kNoNode;
    }
    any = true;
  }
  return any && valued;
}

bool looks_like_cloudformation(const DocumentTree& tree, NodeId root) {
  if (!tree.is_mapping(root)) return false;
  if (tree.get(root, "AWSTemplateFormatVersion") != kNoNode) return true;
  for (const auto& [key, resource] : tree.entries(tree.get(root, "Resources"))) {
    if (tree.scalar(resource, "Type").value_or("").starts_with("AWS::Route53::")) return true;
  }
  return false;
}

bool is_dnsendpoint(const DocumentTree& tree, NodeId root) {
  return tree.scalar(root, "kind") == "DNSEndpoint";
}

// The first template placeholder in `text` ("${DOMAIN}" of envsubst, Terraform's templatefile
// or CI variables; "{{ .Values.domain }}" of Helm, Jinja and Go templates), or "".
std::string_view template_placeholder(std::string_view text) {
  for (const auto& [open, close] : {std::pair<std::string_view, std::string_view>{"${", "}"},
                                    std::pair<std::string_view, std::string_view>{"{{", "}}"}}) {
    const auto begin = text.find(open);
    if (begin == std::string_view::npos) continue;
    const auto end = text.find(close, begin + open.size());
    if (end != std::string_view::npos) return text.substr(begin, end + close.size() - begin);
  }
  return {};
}

// A value where a scalar belongs: a plain scalar, or unknown for tags, intrinsic functions and
// template placeholders.
IacValue value_of(const DocumentTree& tree, NodeId node, const SourceLocation& fallback) {
  if (node == kNoNode) return IacValue{"", fallback, "it is missing"};
  const TreeNode& n = tree[node];
  if (!n.tag.empty())
    return IacValue{"", n.location, fmt::format("{} {}", n.tag, printable_excerpt(n.text))};
  if (tree.is_mapping(node)) {
    const auto entries = tree.entries(node);
    const std::string function = entries.empty() ? "an object" : tree[entries[0].first].text;
    return IacValue{"", n.location, fmt::format("{} is evaluated by the deployment", function)};
  }
  if (tree.is_sequence(node)) return IacValue{"", n.location, "a list where one value belongs"};
  if (n.kind == TreeNode::Kind::null) return IacValue{"", n.location, "it is empty"};
  if (const std::string_view placeholder = template_placeholder(n.text); !placeholder.empty()) {
    return IacValue{"", n.location,
                    fmt::format("'{}' is a template placeholder, filled in before deployment",
                                printable_excerpt(placeholder))};
  }
  return IacValue{n.text, n.location, std::nullopt};
}

std::optional<IacValue> optional_value(const DocumentTree& tree, NodeId mapping,
                                       std::string_view key) {
  const NodeId node = tree.get(mapping, key);
  if (node == kNoNode || tree[node].kind == TreeNode::Kind::null) return std::nullopt;
  return value_of(tree, node, tree[mapping].location);
}

// ---- octoDNS -------------------------------------------------------------------------------

// Field order of octoDNS's structured values, as the record's presentation form writes them;
// quoted fields are character-strings.
struct Field {
  Field(std::string_view name_, std::string_view legacy_ = {}, bool quoted_ = false)
      : name(name_), legacy(legacy_), quoted(quoted_) {}
  std::string_view name;
  std::string_view legacy;  // octoDNS's older name for it
  bool quoted = false;
};

const std::map<std::string_view, std::vector<Field>>& octodns_fields() {
  static const std::map<std::string_view, std::vector<Field>> fields{
      {"MX", {{"preference", "priority"}, {"exchange", "value"}}},
      {"SRV", {{"priority"}, {"weight"}, {"port"}, {"target"}}},
      {"CAA", {{"flags"}, {"tag"}, {"value", "", true}}},
      {"SSHFP", {{"algorithm"}, {"fingerprint_type"}, {"fingerprint"}}},
      {"TLSA",
       {{"certificate_usage"}, {"selector"}, {"matching_type"}, {"certificate_association_data"}}},
      {"DS", {{"key_tag"}, {"algorithm"}, {"digest_type"}, {"digest"}}},
      {"NAPTR",
       {{"order"},
        {"preference"},
        {"flags", "", true},
        {"service", "", true},
        {"regexp", "", true},
        {"replacement"}}},
      {"LOC",
       {{"lat_degrees"},
        {"lat_minutes"},
        {"lat_seconds"},
        {"lat_direction"},
        {"long_degrees"},
        {"long_minutes"},
        {"long_seconds"},
        {"long_direction"},
        {"altitude"},
        {"size"},
        {"precision_horz"},
        {"precision_vert"}}},
      {"SVCB", {{"svcpriority"}, {"targetname"}}},
      {"HTTPS", {{"svcpriority"}, {"targetname"}}},
  };
  return fields;
}

IacValue octodns_value(const DocumentTree& tree, NodeId node, const std::string& type) {
  const TreeNode& n = tree[node];
  const auto fields = octodns_fields().find(type);
  if (fields == octodns_fields().end() || !tree.is_mapping(node)) {
    IacValue value = value_of(tree, node, n.location);
    // octoDNS escapes semicolons in TXT values ("v=spf1 -all\; x").
    if ((type == "TXT" || type == "SPF") && value.known()) {
      std::string text;
      for (std::size_t i = 0; i < value.text.size(); ++i) {
        if (value.text[i] == '\\' && i + 1 < value.text.size() && value.text[i + 1] == ';')
          continue;
        text += value.text[i];
      }
      value.text = std::move(text);
    }
    return value;
  }
  std::string text;
  for (const Field& field : fields->second) {
    NodeId part = tree.get(node, field.name);
    if (part == kNoNode && !field.legacy.empty()) part = tree.get(node, field.legacy);
    if (part == kNoNode && type == "LOC") continue;  // optional size and precision
    IacValue piece = value_of(tree, part, n.location);
    if (!piece.known()) {
      piece.location = n.location;
      piece.unknown = fmt::format("'{}' {}", field.name, *piece.unknown);
      return piece;
    }
    if (!text.empty()) text += ' ';
    text += field.quoted ? fmt::format("\"{}\"", piece.text) : piece.text;
  }
  return IacValue{text, n.location, std::nullopt};
}

void read_octodns(const DocumentTree& tree, NodeId root, const std::string& zone,
                  IacModelBuilder& builder) {
  for (const auto& [key, value] : tree.entries(root)) {
    for (NodeId record : tree.items(value)) {
      if (!tree.is_mapping(record)) {
        builder.syntax_error(tree[record].location,
                             fmt::format("record '{}' is not a mapping with a type",
                                         printable_excerpt(tree[key].text)));
        continue;
      }
      IacRecordSet set;
      set.provider = "octodns";
      set.address = fmt::format("record '{}'", tree[key].text);
      set.location = tree[record].location;
      set.owner_style = OwnerStyle::relative;
      // octoDNS requires full names with a dot, and with `lenient` passes a dotless one on to
      // providers that take it as absolute.
      set.target_style = TargetStyle::absolute_expecting_dot;
      set.whole_zone = true;
      if (zone.empty()) {
        set.zone = IacValue{"", tree[key].location,
                            "the file name is no zone name: call it example.com.yaml or pass "
                            "--origin"};
      } else {
        set.zone = IacValue{zone, tree[key].location, std::nullopt};
      }
      set.name = IacValue{tree[key].text, tree[key].location, std::nullopt};
      if (tree[key].kind == TreeNode::Kind::null) set.name.text.clear();
      set.type = value_of(tree, tree.get(record, "type"), tree[record].location);
      std::string type = to_ascii_upper(set.type.text);
      set.ttl = optional_value(tree, record, "ttl");
      NodeId values = tree.get(record, "values");
      if (values == kNoNode) values = tree.get(record, "value");
      if (type == "URLFWD") continue;  // an octoDNS redirect service, not DNS data
      // "Route53Provider/ALIAS": a type only that provider knows. Its ALIAS is the apex alias
      // every ALIAS is; the others are the provider's own and not checked, which is said.
      if (const auto slash = type.find('/'); slash != std::string::npos) {
        if (type.substr(slash + 1) != "ALIAS") {
          builder.unresolved(
              set.type.location,
              fmt::format("record '{}' has the provider-specific type '{}', "
                          "which only {} reads; rules skip it",
                          printable_excerpt(tree[key].text), printable_excerpt(set.type.text),
                          printable_excerpt(set.type.text.substr(0, slash))));
          continue;
        }
        type = "ALIAS";
      }
      for (NodeId item : tree.items(values)) {
        if (type == "ALIAS") {
          // An ALIAS answers with its target's addresses.
          set.type = IacValue{std::string(1, 'A'), set.type.location};
          set.values.push_back(IacValue{"", tree[item].location, "an ALIAS", true});
          continue;
        }
        set.values.push_back(octodns_value(tree, item, type));
      }
      if (set.values.empty()) {
        builder.syntax_error(tree[record].location,
                             fmt::format("record '{}' has no value", tree[key].text));
        continue;
      }
      builder.add(set);
    }
  }
}

// ---- external-dns DNSEndpoint --------------------------------------------------------------

void read_dnsendpoint(const DocumentTree& tree, NodeId root, IacModelBuilder& builder) {
  const std::string object = tree.scalar(tree.get(root, "metadata"), "name").value_or("?");
  const NodeId endpoints = tree.get(tree.get(root, "spec"), "endpoints");
  for (NodeId endpoint : tree.items(endpoints)) {
    IacRecordSet set;
    set.provider = "external-dns";
    set.location = tree[endpoint].location;
    set.address = fmt::format("DNSEndpoint {}", object);
    set.owner_style = OwnerStyle::fqdn;
    set.target_style = TargetStyle::absolute;
    set.name = value_of(tree, tree.get(endpoint, "dnsName"), set.location);
    set.type = value_of(tree, tree.get(endpoint, "recordType"), set.location);
    set.ttl = optional_value(tree, endpoint, "recordTTL");
    if (auto identifier = optional_value(tree, endpoint, "setIdentifier"))
      set.variant = identifier->text;
    for (NodeId target : tree.items(tree.get(endpoint, "targets")))
      set.values.push_back(value_of(tree, target, set.location));
    if (set.values.empty()) {
      builder.syntax_error(set.location, fmt::format("endpoint of {} has no targets", set.address));
      continue;
    }
    builder.add(set);
  }
}

// ---- CloudFormation ------------------------------------------------------------------------

class CloudFormation {
 public:
  CloudFormation(const DocumentTree& tree, NodeId root) : tree_(tree), root_(root) {
    for (const auto& [key, parameter] : tree_.entries(tree_.get(root, "Parameters"))) {
      if (auto fallback = tree_.scalar(parameter, "Default"))
        defaults_[tree_[key].text] = *fallback;
    }
    for (const auto& [key, resource] : tree_.entries(tree_.get(root, "Resources"))) {
      if (tree_.scalar(resource, "Type") != "AWS::Route53::HostedZone") continue;
      const NodeId name = tree_.get(tree_.get(resource, "Properties"), "Name");
      if (name != kNoNode) hosted_zones_[tree_[key].text] = name;
    }
  }

  void read(IacModelBuilder& builder) {
    for (const auto& [id, name] : hosted_zones_) {
      const IacValue zone = resolve(name, tree_[name].location);
      if (zone.known()) builder.declare_zone({"aws", zone.text, id});
    }
    for (const auto& [key, resource] : tree_.entries(tree_.get(root_, "Resources"))) {
      const std::string type = tree_.scalar(resource, "Type").value_or("");
      const NodeId properties = tree_.get(resource, "Properties");
      const std::string id = tree_[key].text;
      if (!type.starts_with("AWS::Route53::RecordSet")) continue;
      if (!tree_.is_mapping(properties)) {
        builder.syntax_error(tree_[resource].location,
                             fmt::format("{} has no Properties mapping", id));
        continue;
      }
      if (type == "AWS::Route53::RecordSet") {
        add(builder, properties, properties, id);
      } else if (type == "AWS::Route53::RecordSetGroup") {
        std::size_t index = 0;
        for (NodeId set : tree_.items(tree_.get(properties, "RecordSets"))) {
          const std::string name = fmt::format("{}.RecordSets[{}]", id, index++);
          if (tree_.is_mapping(set)) {
            add(builder, properties, set, name);
          } else {
            builder.syntax_error(tree_[set].location, fmt::format("{} is not a mapping", name));
          }
        }
      }
    }
  }

 private:
  // !Ref to a parameter with a default or to a hosted zone, and !Sub over such parameters,
  // are resolved; every other intrinsic function is unknown.
  IacValue resolve(NodeId node, const SourceLocation& fallback, bool zone_id = false) {
    IacValue value = value_of(tree_, node, fallback);
    if (value.known() || node == kNoNode) return value;
    const TreeNode& n = tree_[node];
    std::string function = n.tag;
    NodeId argument = node;
    if (function.empty() && tree_.is_mapping(node)) {
      const auto entries = tree_.entries(node);
      if (entries.size() != 1) return value;
      function = tree_[entries[0].first].text;
      argument = entries[0].second;
    }
    if (!tree_.is_scalar(argument) && !(tree_[argument].kind == TreeNode::Kind::string))
      return value;
    const std::string& text = tree_[argument].text;
    if (function == "!Ref" || function == "Ref") {
      if (zone_id) {
        if (auto zone = hosted_zones_.find(text); zone != hosted_zones_.end()) {
          IacValue name = resolve(zone->second, fallback);
          name.zone_reference = name.known();
          name.zone_created_here = name.known();
          if (name.known()) name.zone_resource = text;
          name.location = value.location;
          return name;
        }
      }
      if (auto parameter = defaults_.find(text); parameter != defaults_.end())
        return IacValue{parameter->second, value.location, std::nullopt};
      return value;
    }
    if (function == "!Sub" || function == "Fn::Sub") {
      std::string out;
      for (std::size_t i = 0; i < text.size(); ++i) {
        if (text.compare(i, 2, "${") != 0) {
          out += text[i];
          continue;
        }
        const auto close = text.find('}', i);
        if (close == std::string::npos) return value;
        const auto parameter = defaults_.find(text.substr(i + 2, close - i - 2));
        if (parameter == defaults_.end()) return value;
        out += parameter->second;
        i = close;
      }
      return IacValue{out, value.location, std::nullopt};
    }
    return value;
  }

  void add(IacModelBuilder& builder, NodeId group, NodeId properties, const std::string& id) {
    IacRecordSet set;
    // Route 53's zones, whether CloudFormation or Terraform manages their records.
    set.provider = "aws";
    set.location = tree_[properties].location;
    set.address = id;
    set.owner_style = OwnerStyle::fqdn;
    set.target_style = TargetStyle::absolute;
    NodeId zone = tree_.get(properties, "HostedZoneName");
    if (zone == kNoNode) zone = tree_.get(group, "HostedZoneName");
    if (zone != kNoNode) {
      set.zone = resolve(zone, set.location);
    } else {
      NodeId zone_id = tree_.get(properties, "HostedZoneId");
      if (zone_id == kNoNode) zone_id = tree_.get(group, "HostedZoneId");
      if (zone_id != kNoNode) {
        set.zone = resolve(zone_id, set.location, true);
        if (set.zone->known() && !set.zone->zone_reference)
          set.zone->unknown =
              fmt::format("hosted zone id '{}' is not defined here", set.zone->text);
      }
    }
    set.name = resolve(tree_.get(properties, "Name"), set.location);
    set.type = resolve(tree_.get(properties, "Type"), set.location);
    if (tree_.get(properties, "TTL") != kNoNode)
      set.ttl = resolve(tree_.get(properties, "TTL"), set.location);
    if (auto identifier = tree_.scalar(properties, "SetIdentifier")) set.variant = *identifier;
    for (NodeId record : tree_.items(tree_.get(properties, "ResourceRecords")))
      set.values.push_back(resolve(record, set.location));
    const NodeId alias = tree_.get(properties, "AliasTarget");
    if (alias != kNoNode)
      set.values.push_back(IacValue{"", tree_[alias].location, "an alias target", true});
    if (set.values.empty()) {
      builder.syntax_error(set.location,
                           fmt::format("{} has neither ResourceRecords nor AliasTarget", id));
      return;
    }
    builder.add(set);
  }

  const DocumentTree& tree_;
  NodeId root_;
  std::map<std::string, std::string> defaults_;
  std::map<std::string, NodeId> hosted_zones_;
};

// A `dnslint-disable-next-line` above a key covers the key's whole value: a YAML record spans
// several lines.
void extend_to_entries(const DocumentTree& tree, std::vector<Suppression>& suppressions) {
  if (suppressions.empty()) return;
  std::map<std::uint32_t, std::uint32_t> end_of_entry;  // key line -> last line of its value
  for (NodeId id = 0; id < tree.size(); ++id) {
    if (!tree.is_mapping(id)) continue;
    const auto& children = tree[id].children;
    for (std::size_t i = 0; i + 1 < children.size(); i += 2) {
      auto& end = end_of_entry[tree[children[i]].location.line];
      end = std::max(end, tree[children[i + 1]].location.end_line);
    }
  }
  for (Suppression& suppression : suppressions) {
    if (suppression.first_line != suppression.last_line) continue;
    if (auto entry = end_of_entry.find(suppression.first_line); entry != end_of_entry.end())
      suppression.last_line = std::max(suppression.last_line, entry->second);
  }
}

}  // namespace

std::string octodns_zone_from_path(std::string_view path) {
  const std::filesystem::path file{std::string(path)};
  std::string stem = file.stem().string();  // example.com. or example.com
  const std::string directory = file.parent_path().filename().string();
  // Split zones: example.com./www.yaml, with $example.com.yaml holding the apex.
  if (directory.size() > 1 && directory.back() == '.') stem = directory;
  if (stem.starts_with('$')) stem.erase(0, 1);
  if (stem.find('.') == std::string::npos) return {};
  return canonical_zone_name(stem).value_or("");
}

YamlDetection detect_yaml_format(std::string_view content) {
  const ParsedDocument document = parse_yaml(content, 0);
  YamlDetection detection;
  detection.error = document.error;
  for (NodeId root : document.tree.roots) {
    if (is_dnsendpoint(document.tree, root))
      detection.format = YamlFormat::dnsendpoint;
    else if (looks_like_cloudformation(document.tree, root))
      detection.format = YamlFormat::cloudformation;
    if (detection.format) return detection;
  }
  if (!document.error && document.tree.roots.size() == 1 &&
      looks_like_octodns_zone(document.tree, document.tree.roots[0])) {
    detection.format = YamlFormat::octodns;
  }
  return detection;
}

ReadResult read_yaml_dns(const SourceText& source, YamlFormat format, const std::string& zone,
                         const DocumentLimits& limits) {
  ReadResult out;
  IacModelBuilder builder(out);
  const FileId file = builder.add_file(source.display_path);
  const ParsedDocument document = parse_yaml(source.content, file, limits);
  builder.document_errors(document, file, true);
  out.suppressions = find_suppressions(source.content, file, '#');
  const DocumentTree& tree = document.tree;
  extend_to_entries(tree, out.suppressions);
  for (NodeId root : tree.roots) {
    switch (format) {
      case YamlFormat::octodns:
        if (tree.is_mapping(root)) {
          read_octodns(tree, root,
                       zone.empty() ? octodns_zone_from_path(source.display_path) : zone, builder);
        }
        break;
      case YamlFormat::dnsendpoint:
        if (is_dnsendpoint(tree, root)) read_dnsendpoint(tree, root, builder);
        break;
      case YamlFormat::cloudformation:
        if (tree.is_mapping(root)) CloudFormation(tree, root).read(builder);
        break;
    }
  }
  builder.finish();
  return out;
}

}  // namespace dnslint
