#include "formats/terraform/resources.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <functional>
#include <map>

#include "formats/zone/zone_scanner.hpp"
#include "model/ascii.hpp"
#include "model/reported_rules.hpp"

// Shapes are written with designated initializers, the rest of the fields keeping their
// defaults on purpose; GCC 12 warns about that all the same.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace dnslint {
namespace {

// Text as a quoted character-string of presentation format (RFC 1035 §5.1).
std::string character_string(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  out += '"';
  return out;
}

// Where a provider keeps each part of a one-record-per-resource (or one-RRset) resource.
struct Shape {
  std::string_view zone;
  bool zone_is_id = false;  // an opaque id: only a reference to a zone resource tells the name
  std::string_view name;
  OwnerStyle owner_style = OwnerStyle::relative_or_fqdn;
  std::string_view type_attribute;  // or:
  std::string_view fixed_type;
  std::string_view ttl;
  std::vector<std::string_view> values;  // the first one present holds the values
  TargetStyle target_style = TargetStyle::absolute;
  // Separate rdata fields (MX/SRV priority, SRV weight and port, CAA flags and tag).
  std::string_view priority, weight, port, flags, tag;
  std::optional<std::string_view> automatic_ttl;  // a TTL value meaning "provider default"
  // A resolution line (DNSPod): records of a line other than the default answer only some
  // clients, so each line is a routing alternative.
  std::string_view line;
  // A boolean attribute that, true, has the provider's proxy answer for the record.
  std::string_view proxied;
};

struct Adapter {
  AdaptedResource& out;
  const ResourceView& resource;

  void syntax_error(const SourceLocation& location, std::string message) {
    out.findings.push_back({rule_id::syntax_error, location, std::move(message)});
  }

  // A resource without the values that make its records.
  void missing(std::string message) {
    if (resource.is_configuration) return syntax_error(resource.location, std::move(message));
    out.findings.push_back({rule_id::unresolved_value, resource.location,
                            message + " in this plan or state; it is not checked"});
  }

  IacRecordSet start(const Shape& shape) {
    IacRecordSet set;
    set.provider = provider_of(resource.type);
    set.address = resource.address;
    set.location = resource.location;
    set.owner_style = shape.owner_style;
    set.target_style = shape.target_style;
    set.zone = zone(shape.zone, shape.zone_is_id);
    set.name = IacValue{"", resource.location, std::nullopt};
    if (!shape.name.empty()) {
      if (auto name = resource.scalar(shape.name)) set.name = *name;
    }
    if (!shape.ttl.empty()) {
      set.ttl = resource.scalar(shape.ttl);
      if (set.ttl && shape.automatic_ttl && set.ttl->text == *shape.automatic_ttl) set.ttl.reset();
    }
    if (!shape.line.empty()) {
      if (auto line = resource.scalar(shape.line)) {
        const bool default_line =
            line->known() && (line->text == "默认" || to_ascii_lower(line->text) == "default");
        if (!default_line) set.variant = line->known() ? line->text : resource.address;
      }
    }
    return set;
  }

  std::optional<IacValue> zone(std::string_view attribute, bool is_id) {
    auto value = resource.scalar(attribute);
    if (!value || !value->known() || value->zone_reference) return value;
    if (is_id || value->text.starts_with("ocid1.")) {
      // An id says nothing of the zone's name, but the object it comes from may.
      if (auto name = resource.zone_name_beside(attribute)) return name;
      value->unknown =
          fmt::format("{} '{}' is the id of a zone not defined here", attribute, value->text);
    }
    return value;
  }

  // Joins separate rdata fields with the value into presentation form.
  void compose(const Shape& shape, std::string_view type, IacValue& value,
               const ResourceView& fields) {
    if (!value.known()) return;
    auto field = [&](std::string_view name) {
      return name.empty() ? std::nullopt : fields.scalar(name);
    };
    std::vector<std::optional<IacValue>> parts;
    if (type == "MX") {
      auto priority = field(shape.priority);
      if (!priority) return;
      ZoneScanner scanner(value.text);
      Entry entry;
      std::vector<ScanError> errors;
      if (scanner.next(entry, errors) && entry.tokens.size() >= 2 &&
          std::all_of(entry.tokens[0].text.begin(), entry.tokens[0].text.end(),
                      [](char c) { return c >= '0' && c <= '9'; })) {
        AdapterFinding finding{
            rule_id::mx_priority_in_value, value.location,
            fmt::format("MX value '{}' of {} starts with a preference, but the resource sets "
                        "{} = {} separately: the provider publishes the exchange '{}' (write "
                        "only the host name in the value)",
                        printable_excerpt(value.text), resource.address, shape.priority,
                        priority->known() ? priority->text : "(unknown)",
                        printable_excerpt(value.text))};
        // The fix: the value without its preference, where the value is written as it is read.
        if (entry.tokens.size() == 2) {
          finding.focus = value.text;
          finding.fix_text = entry.tokens[1].text;
          finding.fix = FixKind::replace_focus;
        }
        out.findings.push_back(std::move(finding));
        value.unknown = "the value holds a preference";
        value.unknown_reported = true;
        return;
      }
      parts = {priority};
    } else if (type == "SRV") {
      if (shape.priority.empty() || !field(shape.priority)) return;
      // Providers with a priority field only write "weight port target" in the value.
      parts = shape.weight.empty()
                  ? std::vector<std::optional<IacValue>>{field(shape.priority)}
                  : std::vector<std::optional<IacValue>>{field(shape.priority), field(shape.weight),
                                                         field(shape.port)};
    } else if (type == "CAA") {
      if (shape.tag.empty() || !field(shape.tag)) return;
      parts = {field(shape.flags), field(shape.tag)};
      value.text = character_string(value.text);
    } else {
      return;
    }
    std::string prefix;
    for (const auto& part : parts) {
      if (!part) {
        value.unknown = fmt::format("{} fields of {} are missing", type, resource.address);
        return;
      }
      if (!part->known()) {
        value.unknown = *part->unknown;
        return;
      }
      prefix += part->text + " ";
    }
    value.text = prefix + value.text;
  }

  std::optional<IacValue> record_type(const Shape& shape) {
    if (!shape.fixed_type.empty())
      return IacValue{std::string(shape.fixed_type), resource.location};
    auto type = resource.scalar(shape.type_attribute);
    if (!type)
      syntax_error(resource.location,
                   fmt::format("{} has no '{}'", resource.address, shape.type_attribute));
    return type;
  }

  std::vector<IacValue> first_present(const std::vector<std::string_view>& attributes,
                                      const ResourceView& from) {
    for (std::string_view attribute : attributes) {
      auto values = from.list(attribute);
      if (!values.empty()) return values;
    }
    return {};
  }

  void simple(const Shape& shape) {
    IacRecordSet set = start(shape);
    auto type = record_type(shape);
    if (!type) return;
    set.type = *type;
    const std::string upper = to_ascii_upper(type->text);
    set.values = first_present(shape.values, resource);
    for (IacValue& value : set.values) compose(shape, upper, value, resource);
    if (set.values.empty()) {
      // Cloudflare keeps structured rdata in a data {} block.
      for (const auto& data : resource.blocks("data")) {
        Shape fields = shape;
        fields.priority = "priority";
        fields.weight = "weight";
        fields.port = "port";
        fields.flags = "flags";
        fields.tag = "tag";
        auto values = first_present({"target", "value", "content"}, *data);
        for (IacValue& value : values) {
          compose(fields, upper, value, *data);
          set.values.push_back(value);
        }
      }
    }
    if (set.values.empty()) {
      missing(fmt::format("{} has no value", resource.address));
      return;
    }
    if (!shape.proxied.empty()) {
      const auto proxied = resource.scalar(shape.proxied);
      set.proxied = proxied && proxied->known() && proxied->text == "true";
    }
    out.record_sets.push_back(std::move(set));
  }

  // Blocks with one record each: azurerm `record {}`, dns_mx_record_set `mx {}`.
  void from_blocks(const Shape& shape, std::string_view block,
                   const std::vector<std::string_view>& fields) {
    IacRecordSet set = start(shape);
    set.type = IacValue{std::string(shape.fixed_type), resource.location};
    for (const auto& item : resource.blocks(block)) {
      IacValue value{"", item->location, std::nullopt};
      std::string_view missing_field;
      for (std::string_view field : fields) {
        auto part = item->scalar(field);
        if (!part) {
          missing_field = field;
          break;
        }
        if (!part->known()) {
          value.unknown = part->unknown;
          break;
        }
        if (!value.text.empty()) value.text += ' ';
        if (field != "value") {
          value.text += part->text;
        } else if (shape.fixed_type == "TXT") {
          // A TXT record block's value is the text, which Azure splits into strings itself.
          value.text = part->text;
          value.split_by_provider = true;
        } else {
          value.text += character_string(part->text);  // CAA: a character-string
        }
        value.location = part->location;
        value.related = part->related;
      }
      if (!missing_field.empty()) {
        syntax_error(item->location, fmt::format("{} {} block: '{}' is missing", resource.address,
                                                 block, missing_field));
        continue;
      }
      set.values.push_back(std::move(value));
    }
    if (set.values.empty()) {
      missing(fmt::format("{} has no {} block", resource.address, block));
      return;
    }
    out.record_sets.push_back(std::move(set));
  }

  void aws_route53_record() {
    Shape shape{.zone = "zone_id",
                .zone_is_id = true,
                .name = "name",
                .type_attribute = "type",
                .ttl = "ttl",
                .values = {"records"}};
    IacRecordSet set = start(shape);
    auto type = record_type(shape);
    if (!type) return;
    set.type = *type;
    if (auto identifier = resource.scalar("set_identifier")) {
      set.variant = identifier->known() ? identifier->text : resource.address;
    }
    set.values = resource.list("records");
    set.quotes_txt_value = true;
    for (const auto& alias : resource.blocks("alias")) {
      // An alias answers with the target's records: its data exists but is not in this file.
      auto target = alias->scalar("name");
      set.values.push_back(
          IacValue{"", alias->location,
                   fmt::format("an alias to {}",
                               target && target->known() ? target->text : "another resource"),
                   true});
    }
    if (set.values.empty()) {
      missing(fmt::format("{} has neither records nor an alias", resource.address));
      return;
    }
    out.record_sets.push_back(std::move(set));
  }

  void google_dns_record_set() {
    Shape shape{.zone = "managed_zone",
                .zone_is_id = true,
                .name = "name",
                .owner_style = OwnerStyle::fqdn,
                .type_attribute = "type",
                .ttl = "ttl",
                .values = {"rrdatas"}};
    IacRecordSet set = start(shape);
    auto type = record_type(shape);
    if (!type) return;
    set.type = *type;
    set.values = resource.list("rrdatas");
    if (!set.values.empty()) out.record_sets.push_back(set);
    // routing_policy answers are alternatives chosen per query, each its own RRset.
    for (const auto& policy : resource.blocks("routing_policy")) {
      for (std::string_view kind : {"wrr", "geo"}) {
        std::size_t index = 0;
        for (const auto& item : policy->blocks(kind)) {
          IacRecordSet alternative = set;
          alternative.variant = fmt::format("{}[{}]", kind, index++);
          alternative.values = item->list("rrdatas");
          if (!alternative.values.empty()) out.record_sets.push_back(std::move(alternative));
        }
      }
    }
  }

  void azurerm(std::string_view kind) {
    Shape shape{
        .zone = "zone_name", .name = "name", .owner_style = OwnerStyle::relative, .ttl = "ttl"};
    const std::string type = to_ascii_upper(kind);
    shape.fixed_type = type;
    if (kind == "mx") return from_blocks(shape, "record", {"preference", "exchange"});
    if (kind == "srv")
      return from_blocks(shape, "record", {"priority", "weight", "port", "target"});
    if (kind == "caa") return from_blocks(shape, "record", {"flags", "tag", "value"});
    if (kind == "txt") return from_blocks(shape, "record", {"value"});
    shape.values = {kind == "cname" ? "record" : "records"};
    IacRecordSet set = start(shape);
    set.type = IacValue{type, resource.location};
    set.values = first_present(shape.values, resource);
    if (auto target = resource.scalar("target_resource_id")) {
      set.values.push_back(IacValue{"", target->location, "an alias to an Azure resource", true});
    }
    if (set.values.empty()) {
      missing(fmt::format("{} has no records", resource.address));
      return;
    }
    out.record_sets.push_back(std::move(set));
  }

  void hashicorp_dns(std::string_view kind) {
    Shape shape{.zone = "zone",
                .name = "name",
                .owner_style = OwnerStyle::relative,
                .ttl = "ttl",
                .target_style = TargetStyle::zone_file};
    static const std::map<std::string_view, std::pair<std::string_view, std::string_view>> kKinds{
        {"a_record_set", {"A", "addresses"}}, {"aaaa_record_set", {"AAAA", "addresses"}},
        {"cname_record", {"CNAME", "cname"}}, {"ns_record_set", {"NS", "nameservers"}},
        {"ptr_record", {"PTR", "ptr"}},       {"txt_record_set", {"TXT", "txt"}},
        {"mx_record_set", {"MX", ""}},        {"srv_record_set", {"SRV", ""}}};
    const auto& [type, values] = kKinds.at(kind);
    shape.fixed_type = type;
    if (kind == "mx_record_set") return from_blocks(shape, "mx", {"preference", "exchange"});
    if (kind == "srv_record_set")
      return from_blocks(shape, "srv", {"priority", "weight", "port", "target"});
    shape.values = {values};
    simple(shape);
  }

  // Record sets as blocks or objects of one resource, each with its own name, type and
  // values: aws_route53_records_exclusive `resource_record_set {}`, namecheap `record {}`.
  void record_set_blocks(std::string_view block, const Shape& shape,
                         const std::function<void(const ResourceView&, IacRecordSet&)>& fill) {
    bool any = false;
    for (const auto& item : resource.blocks(block)) {
      any = true;
      IacRecordSet set = start(shape);
      set.location = item->location;
      set.name = item->scalar(shape.name).value_or(IacValue{"", item->location, std::nullopt});
      if (!shape.ttl.empty()) set.ttl = item->scalar(shape.ttl);
      auto type = item->scalar(shape.type_attribute);
      if (!type) {
        syntax_error(item->location, fmt::format("{} {} block: '{}' is missing", resource.address,
                                                 block, shape.type_attribute));
        continue;
      }
      set.type = *type;
      fill(*item, set);
      if (set.values.empty()) {
        missing(fmt::format("{} {} block has no value", resource.address, block));
        continue;
      }
      out.record_sets.push_back(std::move(set));
    }
    if (!any) missing(fmt::format("{} has no {} block", resource.address, block));
  }

  void aws_route53_records_exclusive() {
    Shape shape{.zone = "zone_id",
                .zone_is_id = true,
                .name = "name",
                .type_attribute = "type",
                .ttl = "ttl"};
    // The resource owns every record set of the zone but the apex NS and SOA.
    record_set_blocks(
        "resource_record_set", shape, [&](const ResourceView& item, IacRecordSet& set) {
          set.whole_zone = true;
          set.quotes_txt_value = true;
          if (auto identifier = item.scalar("set_identifier")) {
            set.variant = identifier->known() ? identifier->text : resource.address;
          }
          for (const auto& record : item.blocks("resource_records")) {
            if (auto value = record->scalar("value")) set.values.push_back(*value);
          }
          for (const auto& alias : item.blocks("alias_target")) {
            auto target = alias->scalar("dns_name");
            set.values.push_back(
                IacValue{"", alias->location,
                         fmt::format("an alias to {}",
                                     target && target->known() ? target->text : "another resource"),
                         true});
          }
        });
  }

  void namecheap_domain_records() {
    Shape shape{.zone = "domain",
                .name = "hostname",
                .owner_style = OwnerStyle::relative,
                .type_attribute = "type",
                .ttl = "ttl"};
    // OVERWRITE makes the resource the whole zone; MERGE (the default) adds to it.
    const auto mode = resource.scalar("mode");
    const bool whole = mode && mode->known() && to_ascii_upper(mode->text) == "OVERWRITE";
    record_set_blocks("record", shape, [&](const ResourceView& item, IacRecordSet& set) {
      set.whole_zone = whole;
      auto address = item.scalar("address");
      if (!address) return;
      IacValue value = *address;
      if (set.type.known() && to_ascii_upper(set.type.text) == "MX") {
        if (auto preference = item.scalar("mx_pref")) {
          if (!preference->known()) {
            value.unknown = preference->unknown;
          } else if (value.known()) {
            value.text = preference->text + " " + value.text;
          }
        }
      }
      set.values.push_back(std::move(value));
    });
  }

  // bunny.net's own record types answer from its CDN or scripts, or redirect over HTTP.
  void bunny_dns_record(const Shape& shape) {
    const auto type = resource.scalar("type");
    if (type && type->known()) {
      const std::string kind = to_ascii_lower(type->text);
      if (kind == "redirect") return;  // an HTTP redirect service, not DNS data
      if (kind == "flatten" || kind == "pullzone" || kind == "script") {
        IacRecordSet set = start(shape);
        set.type = IacValue{"A", type->location};
        set.values.push_back(IacValue{
            "", type->location,
            fmt::format("a bunny.net {} record, answered by bunny.net", type->text), true});
        out.record_sets.push_back(std::move(set));
        return;
      }
    }
    simple(shape);
  }

  // Porkbun's two providers name the MX and SRV priority differently.
  void porkbun_dns_record(Shape shape) {
    shape.priority = resource.scalar("prio") ? "prio" : "priority";
    simple(shape);
  }

  void items(std::string_view block, std::string_view field, const Shape& shape) {
    IacRecordSet set = start(shape);
    auto type = record_type(shape);
    if (!type) return;
    set.type = *type;
    for (const auto& item : resource.blocks(block)) {
      for (IacValue& value : item->list(field)) set.values.push_back(std::move(value));
      if (!set.ttl) set.ttl = item->scalar("ttl");
    }
    if (set.values.empty()) {
      missing(fmt::format("{} has no {}", resource.address, block));
      return;
    }
    out.record_sets.push_back(std::move(set));
  }
};

constexpr std::array<std::string_view, 9> kAzureKinds{"a",   "aaaa", "cname", "mx", "ns",
                                                      "txt", "srv",  "caa",   "ptr"};

std::optional<std::string_view> azure_kind(std::string_view type) {
  for (std::string_view prefix : {"azurerm_dns_", "azurerm_private_dns_"}) {
    if (!type.starts_with(prefix) || !type.ends_with("_record")) continue;
    std::string_view kind = type.substr(prefix.size(), type.size() - prefix.size() - 7);
    if (std::find(kAzureKinds.begin(), kAzureKinds.end(), kind) != kAzureKinds.end()) return kind;
  }
  return std::nullopt;
}

std::optional<std::string_view> hashicorp_dns_kind(std::string_view type) {
  for (std::string_view kind :
       {"a_record_set", "aaaa_record_set", "cname_record", "ns_record_set", "ptr_record",
        "txt_record_set", "mx_record_set", "srv_record_set"}) {
    if (type.size() == kind.size() + 4 && type.starts_with("dns_") && type.ends_with(kind))
      return kind;
  }
  return std::nullopt;
}

// The providers whose resources fit one Shape.
const std::map<std::string_view, Shape>& simple_shapes() {
  static const std::map<std::string_view, Shape> shapes{
      {"cloudflare_record",
       {.zone = "zone_id",
        .zone_is_id = true,
        .name = "name",
        .type_attribute = "type",
        .ttl = "ttl",
        .values = {"content", "value"},
        .priority = "priority",
        .automatic_ttl = "1",
        .proxied = "proxied"}},
      {"cloudflare_dns_record",
       {.zone = "zone_id",
        .zone_is_id = true,
        .name = "name",
        .type_attribute = "type",
        .ttl = "ttl",
        .values = {"content"},
        .priority = "priority",
        .automatic_ttl = "1",
        .proxied = "proxied"}},
      {"digitalocean_record",
       {.zone = "domain",
        .name = "name",
        .owner_style = OwnerStyle::relative,
        .type_attribute = "type",
        .ttl = "ttl",
        .values = {"value"},
        .target_style = TargetStyle::zone_file,
        .priority = "priority",
        .weight = "weight",
        .port = "port",
        .flags = "flags",
        .tag = "tag"}},
      {"powerdns_record",
       {.zone = "zone",
        .name = "name",
        .owner_style = OwnerStyle::fqdn,
        .type_attribute = "type",
        .ttl = "ttl",
        .values = {"records"},
        .target_style = TargetStyle::zone_file}},
      {"dnsimple_zone_record",
       {.zone = "zone_name",
        .name = "name",
        .owner_style = OwnerStyle::relative,
        .type_attribute = "type",
        .ttl = "ttl",
        .values = {"value"},
        .priority = "priority"}},
      {"linode_domain_record",
       {.zone = "domain_id",
        .zone_is_id = true,
        .name = "name",
        .owner_style = OwnerStyle::relative,
        .type_attribute = "record_type",
        .ttl = "ttl_sec",
        .values = {"target"},
        .priority = "priority",
        .weight = "weight",
        .port = "port",
        .tag = "tag"}},
      {"ovh_domain_zone_record",
       {.zone = "zone",
        .name = "subdomain",
        .owner_style = OwnerStyle::relative,
        .type_attribute = "fieldtype",
        .ttl = "ttl",
        .values = {"target"},
        .target_style = TargetStyle::zone_file}},
      {"gandi_livedns_record",
       {.zone = "zone",
        .name = "name",
        .owner_style = OwnerStyle::relative,
        .type_attribute = "type",
        .ttl = "ttl",
        .values = {"values"},
        .target_style = TargetStyle::zone_file}},
      {"hetznerdns_record",
       {.zone = "zone_id",
        .zone_is_id = true,
        .name = "name",
        .owner_style = OwnerStyle::relative,
        .type_attribute = "type",
        .ttl = "ttl",
        .values = {"value"},
        .target_style = TargetStyle::zone_file}},
      {"aws_lightsail_domain_entry",
       {.zone = "domain_name", .name = "name", .type_attribute = "type", .values = {"target"}}},
      {"vultr_dns_record",
       {.zone = "domain",
        .name = "name",
        .owner_style = OwnerStyle::relative,
        .type_attribute = "type",
        .ttl = "ttl",
        .values = {"data"},
        .priority = "priority"}},
      {"scaleway_domain_record",
       {.zone = "dns_zone",
        .name = "name",
        .owner_style = OwnerStyle::relative,
        .type_attribute = "type",
        .ttl = "ttl",
        .values = {"data"},
        .target_style = TargetStyle::zone_file,
        .priority = "priority"}},
      {"dnsimple_record",
       {.zone = "domain",
        .name = "name",
        .owner_style = OwnerStyle::relative,
        .type_attribute = "type",
        .ttl = "ttl",
        .values = {"value"},
        .priority = "priority"}},
      {"alicloud_alidns_record",
       {.zone = "domain_name",
        .name = "rr",
        .owner_style = OwnerStyle::relative,
        .type_attribute = "type",
        .ttl = "ttl",
        .values = {"value"},
        .priority = "priority"}},
      {"openstack_dns_recordset_v2",
       {.zone = "zone_id",
        .zone_is_id = true,
        .name = "name",
        .owner_style = OwnerStyle::fqdn,
        .type_attribute = "type",
        .ttl = "ttl",
        .values = {"records"},
        .target_style = TargetStyle::zone_file}},
      {"yandex_dns_recordset",
       {.zone = "zone_id",
        .zone_is_id = true,
        .name = "name",
        .type_attribute = "type",
        .ttl = "ttl",
        .values = {"data"},
        .target_style = TargetStyle::zone_file}},
  };
  return shapes;
}

}  // namespace

// Resources with their own adapter.
constexpr std::array<std::string_view, 10> kAdaptedTypes{"aws_route53_record",
                                                         "aws_route53_records_exclusive",
                                                         "google_dns_record_set",
                                                         "ns1_record",
                                                         "oci_dns_rrset",
                                                         "hcloud_zone_rrset",
                                                         "namecheap_domain_records",
                                                         "tencentcloud_dnspod_record",
                                                         "bunny_dns_record",
                                                         "porkbun_dns_record"};

std::string provider_of(std::string_view type) {
  return std::string(type.substr(0, type.find('_')));
}

bool is_set_attribute(std::string_view type, std::string_view attribute) {
  // Sets in the providers' schemas: hashicorp/aws aws_route53_record, hashicorp/dns
  // dns_a_record_set and dns_aaaa_record_set.
  return (type == "aws_route53_record" && attribute == "records") ||
         ((type == "dns_a_record_set" || type == "dns_aaaa_record_set") &&
          attribute == "addresses");
}

bool is_dns_record_resource(std::string_view type) {
  return simple_shapes().contains(type) || azure_kind(type) || hashicorp_dns_kind(type) ||
         std::find(kAdaptedTypes.begin(), kAdaptedTypes.end(), type) != kAdaptedTypes.end();
}

std::string unread_resource_message(std::string_view address) {
  return fmt::format(
      "{} looks like DNS records, but dnslint does not read its resource type; "
      "its records are not checked",
      address);
}

bool looks_like_dns_resource(std::string_view type) {
  if (is_dns_record_resource(type) || !zone_name_attributes(type).empty()) return false;
  // A name that says it holds records (aws_lightsail_domain_entry, azurerm_private_dns_a_record,
  // *_rrset); a domain name alone does not (SES domain identities, API Gateway domain names).
  const bool holds_records = type.find("record") != std::string_view::npos ||
                             type.find("rrset") != std::string_view::npos ||
                             type.find("domain_entry") != std::string_view::npos;
  // Zones, their settings and DNSSEC keys hold no records of their own.
  const bool zone_level = type.ends_with("_zone") ||
                          type.find("_zone_") != std::string_view::npos ||
                          type.find("dnssec") != std::string_view::npos;
  return holds_records && !zone_level;
}

AdaptedResource adapt_resource(const ResourceView& resource) {
  AdaptedResource out;
  Adapter adapter{out, resource};
  const std::string_view type = resource.type;
  if (auto shape = simple_shapes().find(type); shape != simple_shapes().end()) {
    adapter.simple(shape->second);
  } else if (type == "aws_route53_record") {
    adapter.aws_route53_record();
  } else if (type == "google_dns_record_set") {
    adapter.google_dns_record_set();
  } else if (auto kind = azure_kind(type)) {
    adapter.azurerm(*kind);
  } else if (auto dns_kind = hashicorp_dns_kind(type)) {
    adapter.hashicorp_dns(*dns_kind);
  } else if (type == "ns1_record") {
    adapter.items("answers", "answer",
                  {.zone = "zone",
                   .name = "domain",
                   .owner_style = OwnerStyle::fqdn,
                   .type_attribute = "type",
                   .ttl = "ttl"});
  } else if (type == "oci_dns_rrset") {
    adapter.items("items", "rdata",
                  {.zone = "zone_name_or_id",
                   .name = "domain",
                   .owner_style = OwnerStyle::fqdn,
                   .type_attribute = "rtype"});
  } else if (type == "hcloud_zone_rrset") {
    adapter.items("records", "value",
                  {.zone = "zone",
                   .name = "name",
                   .owner_style = OwnerStyle::relative,
                   .type_attribute = "type",
                   .ttl = "ttl",
                   .target_style = TargetStyle::zone_file});
  } else if (type == "aws_route53_records_exclusive") {
    adapter.aws_route53_records_exclusive();
  } else if (type == "namecheap_domain_records") {
    adapter.namecheap_domain_records();
  } else if (type == "tencentcloud_dnspod_record") {
    adapter.simple({.zone = "domain",
                    .name = "sub_domain",
                    .owner_style = OwnerStyle::relative,
                    .type_attribute = "record_type",
                    .ttl = "ttl",
                    .values = {"value"},
                    .priority = "mx",
                    .line = "record_line"});
  } else if (type == "bunny_dns_record") {
    adapter.bunny_dns_record({.zone = "zone",
                              .zone_is_id = true,
                              .name = "name",
                              .owner_style = OwnerStyle::relative,
                              .type_attribute = "type",
                              .ttl = "ttl",
                              .values = {"value"},
                              .priority = "priority",
                              .weight = "weight",
                              .port = "port",
                              .flags = "flags",
                              .tag = "tag"});
  } else if (type == "porkbun_dns_record") {
    adapter.porkbun_dns_record({.zone = "domain",
                                .name = "name",
                                .owner_style = OwnerStyle::relative,
                                .type_attribute = "type",
                                .ttl = "ttl",
                                .values = {"content"}});
  }
  return out;
}

namespace {

struct ZoneResource {
  std::vector<std::string_view> name;      // the domain name, in order of preference
  std::vector<std::string_view> identity;  // how records refer to the zone
};

const std::map<std::string_view, ZoneResource>& zone_resources() {
  static const std::map<std::string_view, ZoneResource> zones{
      {"aws_route53_zone", {{"name"}, {"zone_id", "id", "name"}}},
      {"cloudflare_zone", {{"zone", "name"}, {"id", "zone_id"}}},
      {"google_dns_managed_zone", {{"dns_name"}, {"name", "id"}}},
      {"azurerm_dns_zone", {{"name"}, {"name", "id"}}},
      {"azurerm_private_dns_zone", {{"name"}, {"name", "id"}}},
      {"digitalocean_domain", {{"name"}, {"name", "id", "urn"}}},
      {"dnsimple_zone", {{"name"}, {"name", "id"}}},
      {"dnsimple_domain", {{"name"}, {"name", "id"}}},
      {"linode_domain", {{"domain"}, {"id", "domain"}}},
      {"hetznerdns_zone", {{"name"}, {"id", "name"}}},
      {"ns1_zone", {{"zone"}, {"zone", "id"}}},
      {"oci_dns_zone", {{"name"}, {"name", "id"}}},
      {"powerdns_zone", {{"name"}, {"name"}}},
      {"gandi_livedns_domain", {{"name"}, {"name", "id"}}},
      {"ovh_domain_zone", {{"name"}, {"name"}}},
      {"hcloud_zone", {{"name"}, {"name", "id"}}},
      {"aws_lightsail_domain", {{"domain_name"}, {"domain_name", "id"}}},
      {"vultr_dns_domain", {{"domain"}, {"id", "domain"}}},
      {"alicloud_alidns_domain", {{"domain_name"}, {"domain_name", "id"}}},
      {"openstack_dns_zone_v2", {{"name"}, {"id"}}},
      {"yandex_dns_zone", {{"zone"}, {"id"}}},
      {"tencentcloud_dnspod_domain_instance", {{"domain"}, {"domain", "id"}}},
      {"bunny_dns_zone", {{"domain"}, {"id"}}},
  };
  return zones;
}

}  // namespace

std::vector<std::string_view> zone_name_attributes(std::string_view type) {
  const auto found = zone_resources().find(type);
  return found == zone_resources().end() ? std::vector<std::string_view>{} : found->second.name;
}

std::vector<std::string_view> zone_identity_attributes(std::string_view type) {
  const auto found = zone_resources().find(type);
  return found == zone_resources().end() ? std::vector<std::string_view>{} : found->second.identity;
}

}  // namespace dnslint
