#include "formats/iac_records.hpp"

#include <fmt/format.h>

#include <charconv>
#include <limits>

#include "formats/document_tree.hpp"
#include "formats/zone/zone_scanner.hpp"
#include "model/ascii.hpp"
#include "model/reported_rules.hpp"
#include "model/top_level_domains.hpp"

namespace dnslint {
namespace {

constexpr std::string_view kSyntaxError = rule_id::syntax_error;
constexpr std::string_view kUnresolvedValue = rule_id::unresolved_value;
// The placeholder target of a value that is not known: a reserved name (RFC 6761 §6.4) that
// no loaded zone holds, so that no lookup finds anything behind it.
constexpr std::string_view kUnknownTarget = "unknown.invalid.";
// RFC 2181 §8: a TTL is an unsigned 31-bit number.
constexpr std::uint64_t kMaxTtl = 0x7fffffff;

std::string without_trailing_dot(std::string_view text) {
  if (text.size() > 1 && text.back() == '.') text.remove_suffix(1);
  return std::string(text);
}

// Splits raw TXT text into character-strings of at most 255 octets (RFC 1035 §3.3.14), as
// providers do when they write the record.
std::vector<std::string> text_chunks(std::string_view text) {
  std::vector<std::string> chunks;
  do {
    chunks.emplace_back(text.substr(0, 255));
    text.remove_prefix(std::min<std::size_t>(255, text.size()));
  } while (!text.empty());
  return chunks;
}

// A Route 53 TXT value the provider sends inside quotes that decides how it is split: '""' in it
// separates strings, and a value over 255 octets without one is refused.
bool needs_quoting_as_strings(std::string_view text) {
  return text.size() > 255 || text.find("\"\"") != std::string_view::npos;
}

// The value inside quotes, as the provider sends it, with control characters as \DDD escapes
// so that the record's presentation form reads them as the bytes they are.
std::string quoted_as_provider_sends(std::string_view text) {
  std::string quoted = "\"";
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f) {
      quoted += fmt::format("\\{:03}", byte);
    } else {
      quoted += c;
    }
  }
  return quoted + '"';
}

// What a record type written in infrastructure code is: a DNS type, or one of the types
// providers add to DNS (docs/formats/infrastructure-code.md), or a mistake.
enum class ProviderType { dns, alias, service, unknown };

ProviderType provider_type(std::string_view written) {
  if (type_from_name(written)) return ProviderType::dns;
  const std::string type = to_ascii_upper(written);
  // NS1, DNSimple, PowerDNS, Porkbun, Namecheap (ALIAS); DNS Made Easy, Constellix (ANAME);
  // Bunny (Flatten).
  for (std::string_view alias : {"ALIAS", "ANAME", "FLATTEN"}) {
    if (type == alias) return ProviderType::alias;
  }
  // Redirects, pools and scripts that providers serve beside DNS: NS1 and octoDNS (URLFWD),
  // DNSimple (URL, POOL), Namecheap (URL, URL301, FRAME), DNS Made Easy (HTTPRED), PowerDNS
  // (LUA), Bunny (Redirect, PullZone, Script), DNSPod (显性URL, 隐性URL: explicit, implicit).
  for (std::string_view service :
       {"URL", "URLFWD", "URL301", "URL302", "REDIRECT", "FORWARD", "FRAME", "POOL", "HTTPRED",
        "LUA", "PULLZONE", "SCRIPT", "显性URL", "隐性URL"}) {
    if (type == service) return ProviderType::service;
  }
  return ProviderType::unknown;
}

void clear_relative(TargetName& target) { target.relative_to = kNoName; }

// Providers that read a dotless name as absolute: the name was never relative.
void mark_targets_absolute(Rdata& rdata) {
  std::visit(
      [](auto& data) {
        using T = std::decay_t<decltype(data)>;
        if constexpr (std::is_same_v<T, NameData>) clear_relative(data.target);
        if constexpr (std::is_same_v<T, MxData>) clear_relative(data.exchange);
        if constexpr (std::is_same_v<T, SrvData>) clear_relative(data.target);
        if constexpr (std::is_same_v<T, Boxed<SoaData>>) {
          clear_relative(data->mname);
          clear_relative(data->rname);
        }
      },
      rdata);
}

}  // namespace

std::optional<std::string> canonical_zone_name(std::string_view text) {
  if (text.empty()) return std::nullopt;
  std::string written(text);
  if (!is_written_absolute(written)) written += '.';
  std::string canonical;
  if (parse_name(written, ".", canonical)) return std::nullopt;
  return canonical;
}

FileId IacModelBuilder::add_file(std::string display_path) {
  out_.files.push_back(std::move(display_path));
  return static_cast<FileId>(out_.files.size() - 1);
}

void IacModelBuilder::add_finding(std::string_view rule, const SourceLocation& location,
                                  std::string message, std::string_view zone) {
  Finding finding;
  finding.rule = rule;
  finding.location = location;
  finding.message = std::move(message);
  finding.zone = zone;
  out_.findings.push_back(std::move(finding));
}

void IacModelBuilder::syntax_error(const SourceLocation& location, std::string message) {
  add_finding(kSyntaxError, location, std::move(message));
}

void IacModelBuilder::unresolved(const SourceLocation& location, std::string message) {
  add_finding(kUnresolvedValue, location, std::move(message));
}

void IacModelBuilder::unknown(const IacValue& value, std::string_view what,
                              std::string_view consequence) {
  if (value.refused) {
    syntax_error(value.location, fmt::format("{}: {}", what, *value.unknown));
    return;
  }
  unresolved(value.location,
             fmt::format("{} is not known statically ({}){}", what, *value.unknown, consequence));
}

void IacModelBuilder::document_errors(const ParsedDocument& document, FileId file,
                                      bool duplicate_keys_are_errors) {
  if (document.error) {
    syntax_error({file, document.error->line, document.error->column, document.error->line,
                  document.error->column + 1},
                 document.error->message);
  }
  if (!duplicate_keys_are_errors) return;
  for (const auto& [first, repeated] : document.duplicate_keys) {
    const TreeNode& key = document.tree[repeated];
    syntax_error(key.location,
                 fmt::format("duplicate key '{}' (first at line {}); YAML keys must be unique and "
                             "the earlier value would be lost",
                             printable_excerpt(key.text), document.tree[first].location.line));
  }
}

std::uint16_t IacModelBuilder::variant_id(const std::string& variant) {
  if (variant.empty()) return 0;
  const auto [at, inserted] = variants_.emplace(variant, 0);
  if (inserted)
    at->second = static_cast<std::uint16_t>(std::min<std::size_t>(variants_.size(), 0xffff));
  return at->second;
}

std::optional<std::string> IacModelBuilder::owner_name(const IacRecordSet& set,
                                                       const std::string& zone) {
  const std::string written = set.name.text;
  std::string canonical;
  auto parse = [&](const std::string& text, std::string_view origin) -> bool {
    if (auto error = parse_name(text, origin, canonical)) {
      syntax_error(set.name.location,
                   fmt::format("bad record name '{}': {}", printable_excerpt(text), error->reason));
      return false;
    }
    return true;
  };
  // A name taken as a full name whether or not it ends in a dot.
  auto parse_full = [&](const std::string& text) {
    return parse(is_written_absolute(text) ? text : text + ".", ".");
  };
  auto result = [&](bool parsed) { return parsed ? std::optional(canonical) : std::nullopt; };
  const bool apex = written.empty() || written == "@";
  if (apex && !zone.empty()) return zone;
  if (set.owner_style == OwnerStyle::fqdn) return result(parse_full(written));
  if (zone.empty()) {
    // Without the zone a name means something only when it says what it is: written absolute,
    // or ending in a top-level domain ("aaronlangley.net"). "fm1._domainkey" is as relative as
    // "www", and no owner is made up for either.
    if (apex) return std::nullopt;
    if (is_written_absolute(written)) return result(parse(written, "."));
    const std::string_view last_label = std::string_view(written).substr(written.rfind('.') + 1);
    if (written.find('.') == std::string::npos || !is_top_level_domain(to_ascii_lower(last_label)))
      return std::nullopt;
    return result(parse_full(written));
  }
  if (is_written_absolute(written)) return result(parse(written, "."));
  if (set.owner_style == OwnerStyle::relative_or_fqdn) {
    const std::string name = to_ascii_lower(written);
    const std::string bare_zone = without_trailing_dot(zone);
    if (name == bare_zone || name.ends_with("." + bare_zone)) return result(parse_full(written));
  }
  return result(parse(written, zone));
}

Rdata IacModelBuilder::placeholder(RRType type) {
  const TargetName target{out_.names.intern(kUnknownTarget), kNoName};
  switch (type) {
    case rrtype::A:
      return AData{};
    case rrtype::AAAA:
      return AaaaData{};
    case rrtype::CNAME:
    case rrtype::NS:
    case rrtype::PTR:
    case rrtype::DNAME:
      return NameData{target};
    case rrtype::MX: {
      MxData mx;
      mx.exchange = target;
      return mx;
    }
    case rrtype::SRV:
      return SrvData{0, 0, 0, target};
    case rrtype::SOA:
      return Boxed<SoaData>(SoaData{target, target, 0, 0, 0, 0, 0});
    case rrtype::TXT:
      return TxtData{};
    default:
      return GenericData{};
  }
}

void IacModelBuilder::add_value(const IacRecordSet& set, const IacValue& value, RRType type,
                                const std::string& zone, Record record, PendingZone& pending) {
  record.location = value.location;
  if (!value.related.empty()) out_.origins.push_back({value.location, zone, value.related});
  if (!value.known()) {
    record.flags |= Record::kUnknownValue;
    record.rdata = placeholder(type);
    if (!value.unknown_reported) {
      unknown(value, fmt::format("{} value of {}", type_name(type), set.address),
              "; rules skip it");
    }
    pending.records.push_back(std::move(record));
    return;
  }
  const bool is_text = type == rrtype::TXT || type == rrtype::SPF;
  std::string quoted;
  if (is_text && !value.split_by_provider && !value.text.starts_with('"') && set.quotes_txt_value &&
      needs_quoting_as_strings(value.text)) {
    quoted = quoted_as_provider_sends(value.text);
  } else if (is_text && (value.split_by_provider || !value.text.starts_with('"'))) {
    record.rdata = TxtData::from_strings(text_chunks(value.text));
    pending.records.push_back(std::move(record));
    return;
  }
  const std::string_view presentation = quoted.empty() ? std::string_view(value.text) : quoted;
  ZoneScanner scanner(presentation);
  Entry entry;
  std::vector<ScanError> errors;
  const bool found = scanner.next(entry, errors);
  Entry extra;
  if (!errors.empty() || !found || scanner.next(extra, errors)) {
    syntax_error(value.location,
                 fmt::format("{} value '{}' of {} is not one record's data{}", type_name(type),
                             printable_excerpt(value.text), set.address,
                             errors.empty() ? "" : ": " + errors.front().message));
    return;
  }
  std::string_view origin = zone;
  if (set.target_style != TargetStyle::zone_file) origin = ".";
  auto parsed = parser_.parse(type, entry.tokens, origin, out_.names);
  if (auto* error = std::get_if<RdataError>(&parsed)) {
    std::string message = fmt::format("{} value '{}' of {}: {}", type_name(type),
                                      printable_excerpt(value.text), set.address, error->message);
    if (error->rule == rule_id::txt_string_too_long) {
      message += set.quotes_txt_value
                     ? "; Route 53 refuses it: split the value with \\\"\\\" every 255 "
                       "characters, as the provider documents"
                     : "; write it as several quoted strings of at most 255 octets";
    }
    add_finding(error->rule, value.location, std::move(message));
    return;
  }
  record.rdata = std::move(std::get<Rdata>(parsed));
  if (set.target_style == TargetStyle::absolute) mark_targets_absolute(record.rdata);
  pending.records.push_back(std::move(record));
}

void IacModelBuilder::add(const IacRecordSet& given) {
  if (!given.type.known()) {
    unknown(given.type, fmt::format("record type of {}", given.address),
            "; the resource is not checked");
    return;
  }
  const IacRecordSet* set_pointer = &given;
  std::optional<IacRecordSet> alias;
  switch (provider_type(given.type.text)) {
    case ProviderType::dns:
      break;
    case ProviderType::alias: {
      // ALIAS, ANAME, a flattened CNAME: the provider answers with the target's addresses,
      // which are not in these files. Like a CNAME, it is the name's only data.
      alias = given;
      alias->type.text = std::string("A");
      for (IacValue& value : alias->values) {
        value.unknown = fmt::format("an {} answers with its target's addresses", given.type.text);
        value.unknown_reported = true;
      }
      set_pointer = &*alias;
      break;
    }
    case ProviderType::service:
      unresolved(given.type.location,
                 fmt::format("{} has the record type '{}', a service of its provider (a redirect, "
                             "a pool, a script) rather than DNS data; rules skip it",
                             given.address, printable_excerpt(given.type.text)));
      return;
    case ProviderType::unknown:
      syntax_error(given.type.location,
                   fmt::format("unknown record type '{}' in {}", printable_excerpt(given.type.text),
                               given.address));
      return;
  }
  const IacRecordSet& set = *set_pointer;
  const auto type = type_from_name(set.type.text);

  std::string zone;
  std::string zone_key;
  if (set.zone && set.zone->known()) {
    if (auto canonical = canonical_zone_name(set.zone->text)) {
      zone = *canonical;
      zone_key = set.provider + " " + zone;
      if (!set.zone->zone_resource.empty()) zone_key += " " + set.zone->zone_resource;
    } else {
      syntax_error(set.zone->location,
                   fmt::format("bad zone name '{}'", printable_excerpt(set.zone->text)));
      return;
    }
  } else {
    zone_key = "?" + (set.zone ? *set.zone->unknown : std::string());
  }

  if (!set.name.known()) {
    unknown(set.name, fmt::format("name of {}", set.address), "; the resource is not checked");
    return;
  }
  const auto owner = owner_name(set, zone);
  if (!owner) {
    if (set.zone && set.zone->refused) {
      unknown(*set.zone, fmt::format("zone of {}", set.address));
    } else if (zone.empty() && set.name.known()) {
      unresolved(set.zone ? set.zone->location : set.location,
                 fmt::format("zone of {} is not known statically{}, so neither is its name '{}'; "
                             "the resource is not checked",
                             set.address, set.zone ? " (" + *set.zone->unknown + ")" : "",
                             printable_excerpt(set.name.text)));
    }
    return;
  }

  Record record;
  record.owner = out_.names.intern(*owner);
  record.type = *type;
  record.variant = variant_id(set.variant);
  if (set.proxied) record.flags |= Record::kProxied;
  if (!set.ttl) {
    record.flags |= Record::kUnknownTtl;
  } else if (!set.ttl->known()) {
    record.flags |= Record::kUnknownTtl;
    unknown(*set.ttl, fmt::format("TTL of {}", set.address));
  } else {
    std::uint64_t ttl = 0;
    const auto& text = set.ttl->text;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), ttl);
    if (ec == std::errc::result_out_of_range || (ec == std::errc() && ttl > kMaxTtl)) {
      syntax_error(set.ttl->location, fmt::format("TTL '{}' of {} is outside 0..2147483647",
                                                  printable_excerpt(text), set.address));
      record.flags |= Record::kUnknownTtl;
    } else if (ec != std::errc() || end != text.data() + text.size()) {
      syntax_error(set.ttl->location,
                   fmt::format("bad TTL '{}' of {}", printable_excerpt(text), set.address));
      record.flags |= Record::kUnknownTtl;
    } else {
      record.ttl = static_cast<std::uint32_t>(ttl);
    }
  }

  PendingZone& pending = zones_[zone_key];
  if (pending.records.empty()) {
    pending.origin = zone;
    pending.file = set.location.file;
    pending.provider = set.provider;
    if (set.zone) pending.resource = set.zone->zone_resource;
  }
  if (!zone.empty() && (set.whole_zone || (set.zone && set.zone->zone_created_here))) {
    pending.complete = true;
  }
  for (const IacValue& value : set.values) {
    out_.sources.push_back({value.location, *owner, set.address});
    add_value(set, value, *type, zone, record, pending);
  }
}

void IacModelBuilder::declare_zone(const IacZoneDeclaration& zone) { declared_.push_back(zone); }

void IacModelBuilder::join_declared_zones() {
  for (auto& [key, pending] : zones_) {
    if (pending.origin.empty() || !pending.resource.empty() || pending.records.empty()) continue;
    const IacZoneDeclaration* only = nullptr;
    std::size_t count = 0;
    for (const IacZoneDeclaration& declared : declared_) {
      if (declared.provider != pending.provider ||
          canonical_zone_name(declared.name) != pending.origin) {
        continue;
      }
      only = &declared;
      ++count;
    }
    // Two zone resources of one name (a public and a private zone): a name alone is neither.
    if (count != 1) continue;
    PendingZone& into =
        zones_[fmt::format("{} {} {}", pending.provider, pending.origin, only->resource)];
    if (into.records.empty()) {
      into.origin = pending.origin;
      into.file = pending.file;
      into.provider = pending.provider;
      into.resource = only->resource;
    }
    into.complete = true;
    into.records.insert(into.records.end(), std::make_move_iterator(pending.records.begin()),
                        std::make_move_iterator(pending.records.end()));
    pending.records.clear();
  }
}

void IacModelBuilder::finish() {
  join_declared_zones();
  for (auto& [key, pending] : zones_) {
    if (pending.records.empty()) continue;
    Zone zone;
    zone.is_zone_file = false;
    zone.complete = pending.complete;
    zone.file = pending.file;
    if (!pending.origin.empty()) {
      // Zones of one name read from several files are one zone where this identity is one
      // (engine), as a provider holds them.
      zone.identity = pending.resource.empty()
                          ? fmt::format("{} {}", pending.provider, pending.origin)
                          : fmt::format("{} {} {} {}", pending.provider, pending.origin,
                                        out_.identity, pending.resource);
      zone.label = pending.resource.empty() ? pending.provider : pending.resource;
    }
    if (!pending.origin.empty()) {
      zone.origin = out_.names.intern(pending.origin);
    } else {
      // The zone's name is not known: its apex is the topmost name with NS records when every
      // record lies at or below it (so that apex NS are not taken for a delegation), else the
      // root.
      const NameId root = out_.names.intern(".");
      NameId apex = root;
      for (const Record& record : pending.records) {
        if (record.type == rrtype::NS &&
            (apex == root || out_.names.is_at_or_below(apex, record.owner))) {
          apex = record.owner;
        }
      }
      for (const Record& record : pending.records) {
        if (!out_.names.is_at_or_below(record.owner, apex)) {
          apex = root;
          break;
        }
      }
      zone.origin = apex;
      zone.origin_known = false;
    }
    zone.records = std::move(pending.records);
    out_.zones.push_back(std::move(zone));
  }
  zones_.clear();
}

}  // namespace dnslint
