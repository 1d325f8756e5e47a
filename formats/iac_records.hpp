// The common back end of the Terraform and YAML readers: a provider adapter describes each
// record set the way its provider means it (how names and targets are written, which values
// are unknown) and IacModelBuilder turns it into model records, grouped into zones.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "formats/document_tree.hpp"
#include "formats/read_result.hpp"
#include "formats/zone/rdata_parser.hpp"

namespace dnslint {

// How a provider reads a record's name.
enum class OwnerStyle {
  relative,          // relative to the zone; "@" or "" is the apex (Azure, octoDNS, ...)
  relative_or_fqdn,  // relative unless it already ends in the zone name (Route 53, Cloudflare)
  fqdn,              // always a full name, trailing dot optional (Google, PowerDNS, NS1)
};

// How a provider reads names inside values (MX exchange, CNAME target, ...).
enum class TargetStyle {
  zone_file,  // a name without a trailing dot is relative to the zone (RFC 1035 §5.1)
  absolute,   // a name without a trailing dot is absolute anyway
  // Absolute too, but the format expects the dot (octoDNS): the name stays marked as written
  // without one (relative to the root), for target-missing-trailing-dot.
  absolute_expecting_dot,
};

struct IacValue {
  IacValue() = default;
  IacValue(std::string text_, const SourceLocation& location_,
           std::optional<std::string> unknown_ = std::nullopt, bool unknown_reported_ = false)
      : text(std::move(text_)),
        location(location_),
        unknown(std::move(unknown_)),
        unknown_reported(unknown_reported_) {}

  std::string text;
  SourceLocation location;
  std::optional<std::string> unknown;  // why the value cannot be known statically
  bool unknown_reported = false;       // another finding already says why (no extra note)
  // The tool that deploys the value refuses it (Terraform fails to evaluate it): `unknown`
  // says why, and that is an error where the value is written, not a note.
  bool refused = false;
  bool zone_reference = false;     // names a zone resource: `text` is that zone's name
  bool zone_created_here = false;  // ... that the same code creates (not a data source)
  std::string zone_resource;       // ... that resource ("aws_route53_zone.public")
  // TXT: `text` is the record's text itself, which the provider splits into character-strings
  // of 255 octets (Azure), even when it starts with a quote.
  bool split_by_provider = false;
  // Where else the value comes from: where it was set, when that is not where it is used (a
  // variable's default, a tfvars file), and the module call that made the resource.
  std::vector<RelatedLocation> related;
  bool known() const { return !unknown.has_value(); }
};

struct IacRecordSet {
  std::optional<IacValue> zone;  // the zone's domain name; absent or unknown: inferred
  IacValue name;                 // the owner as written
  OwnerStyle owner_style = OwnerStyle::relative_or_fqdn;
  IacValue type;
  std::optional<IacValue> ttl;  // absent: the provider's default
  // One record each, in presentation form; TXT values not starting with a quote are the text
  // itself, as providers take them.
  std::vector<IacValue> values;
  TargetStyle target_style = TargetStyle::absolute;
  // The source defines the whole zone (an octoDNS zone). A zone that the same code creates
  // (`zone` has zone_created_here) is taken as whole too; other zones are only partly here.
  bool whole_zone = false;
  // Route 53: the provider puts a TXT value that does not start with a quote inside quotes, so
  // '""' in it separates character-strings, and a string over 255 octets is refused.
  bool quotes_txt_value = false;
  std::string variant;      // routing alternative (set_identifier, ...); "" for plain records
  bool proxied = false;     // answered by the provider's proxy (Cloudflare `proxied = true`)
  SourceLocation location;  // the resource or record block
  std::string address;      // how messages name it: "aws_route53_record.mx"
  // Whose zone it is: the provider family ("aws", "ns1", "octodns"). Two providers, or two zone
  // resources, with zones of one name hold two zones.
  std::string provider;
};

// A zone that the code read creates (a zone resource), so that records naming it by its
// domain name alone (Azure's zone_name, a literal) are known to be in it, whole.
struct IacZoneDeclaration {
  std::string provider;  // as IacRecordSet::provider
  std::string name;      // as written
  std::string resource;  // "aws_route53_zone.public"
};

class IacModelBuilder {
 public:
  explicit IacModelBuilder(ReadResult& out) : out_(out) {}

  FileId add_file(std::string display_path);
  void add(const IacRecordSet& set);
  void declare_zone(const IacZoneDeclaration& zone);
  void syntax_error(const SourceLocation& location, std::string message);
  void unresolved(const SourceLocation& location, std::string message);
  // An unknown value: a syntax-error when the deploying tool refuses it, else a note that
  // `what` ("MX value of aws_route53_record.mx") is not known statically, and `consequence`.
  void unknown(const IacValue& value, std::string_view what, std::string_view consequence = {});
  // The syntax-error of a document that failed to parse, and its duplicate keys (YAML).
  void document_errors(const ParsedDocument& document, FileId file, bool duplicate_keys_are_errors);
  void add_finding(std::string_view rule, const SourceLocation& location, std::string message,
                   std::string_view zone = {});
  void add_finding(Finding finding) { out_.findings.push_back(std::move(finding)); }
  // Moves the collected zones into the result; call once, after the last add().
  void finish();

 private:
  struct PendingZone {
    std::string origin;  // canonical; empty when the zone's name is not known
    std::vector<Record> records;
    FileId file = 0;
    bool complete = false;
    std::string provider;
    std::string resource;  // the zone resource that creates it, when known
  };
  // Records that name a zone by its domain name alone join the zone resource of that name
  // the code creates, when there is exactly one.
  void join_declared_zones();
  std::optional<std::string> owner_name(const IacRecordSet& set, const std::string& zone);
  void add_value(const IacRecordSet& set, const IacValue& value, RRType type,
                 const std::string& zone, Record record, PendingZone& pending);
  Rdata placeholder(RRType type);
  std::uint16_t variant_id(const std::string& variant);

  ReadResult& out_;
  RdataParser parser_;
  // By "provider name", "provider name resource" for a zone resource, or "?reason" when the
  // zone's name is not known.
  std::map<std::string, PendingZone> zones_;
  std::vector<IacZoneDeclaration> declared_;
  std::map<std::string, std::uint16_t> variants_;
};

// A zone name as written ("example.com", "example.com.") in canonical form, or nullopt.
std::optional<std::string> canonical_zone_name(std::string_view text);

}  // namespace dnslint
