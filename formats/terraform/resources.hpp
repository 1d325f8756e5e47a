// Terraform DNS resources of every supported provider, one adapter per provider family, each
// with that provider's semantics: how names and targets are written, where the priority
// lives, what is an alias or a routing alternative. docs/formats/terraform.md is the table.
// Adapters see a resource through ResourceView, so the same code reads configuration
// (.tf.json, with expressions), plans and state (plain values).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "formats/iac_records.hpp"

namespace dnslint {

class ResourceView {
 public:
  virtual ~ResourceView() = default;
  // A scalar attribute; nullopt when absent or null. Unknown values carry their reason.
  virtual std::optional<IacValue> scalar(std::string_view name) const = 0;
  // A list attribute's items (a scalar counts as a list of one); empty when absent.
  virtual std::vector<IacValue> list(std::string_view name) const = 0;
  // Nested blocks or objects (`record {}`, `mx {}`, `data {}`, `alias {}`).
  virtual std::vector<std::unique_ptr<ResourceView>> blocks(std::string_view name) const = 0;
  // The domain name the object an opaque zone id attribute takes its value from holds beside
  // it (`zone_id = var.zone.id` where var.zone also has a `name`); nullopt when there is none.
  virtual std::optional<IacValue> zone_name_beside(std::string_view) const { return std::nullopt; }

  // Configuration is what people write: a missing value is a mistake (syntax-error). Plans
  // and state hold what the provider returned: a missing value is only unknown.
  bool is_configuration = true;
  std::string type;         // aws_route53_record
  std::string address;      // module.mail.aws_route53_record.mx
  SourceLocation location;  // the resource block
};

// Findings an adapter makes itself (mx-priority-in-value).
struct AdapterFinding {
  std::string_view rule;  // static text, as Finding::rule
  SourceLocation location;
  std::string message;
  std::string focus;  // Finding::focus, and the fix that replaces it, when there is one
  std::string fix_text;
  FixKind fix = FixKind::none;

  Finding take() {
    Finding finding;
    finding.rule = rule;
    finding.location = location;
    finding.message = std::move(message);
    finding.focus = std::move(focus);
    finding.fix_text = std::move(fix_text);
    finding.fix = fix;
    return finding;
  }
};

struct AdaptedResource {
  std::vector<IacRecordSet> record_sets;
  std::vector<AdapterFinding> findings;
};

// The provider family of a resource type: its name up to the first underscore ("aws" of
// aws_route53_record). Zones of one name of two families are two zones.
std::string provider_of(std::string_view type);

// True for the resource types an adapter reads.
bool is_dns_record_resource(std::string_view type);

// True for a resource type no adapter reads whose name says it holds DNS records
// (`*record*`, `*rrset*`, `*domain_entry*`, but no zone, zone setting or DNSSEC key): the
// readers note that it is not checked, so that nothing is skipped in silence.
bool looks_like_dns_resource(std::string_view type);
// The note for such a resource at `address`.
std::string unread_resource_message(std::string_view address);

// The record sets of one resource (nothing for types that are not DNS records).
AdaptedResource adapt_resource(const ResourceView& resource);

// True for an attribute the provider's schema makes a set (aws_route53_record's `records`):
// Terraform refuses to index it, whatever list the configuration writes there.
bool is_set_attribute(std::string_view type, std::string_view attribute);

// For zone resources (aws_route53_zone, cloudflare_zone, ...): the attributes that hold the
// zone's domain name, in order of preference; empty for other types.
std::vector<std::string_view> zone_name_attributes(std::string_view type);

// For zone resources: the attributes by which records name their zone (`zone_id`, `id`, a
// Google managed zone's `name`). A reference to one stands for the zone itself.
std::vector<std::string_view> zone_identity_attributes(std::string_view type);

}  // namespace dnslint
