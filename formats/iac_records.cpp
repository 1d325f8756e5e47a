#include "formats/iac_records.hpp"

#include <fmt/format.h>

#include <charconv>
#include <limits>

#include "formats/document_tree.hpp"
#include "formats/zone/zone_scanner.hpp"
#include "model/ascii.hpp"
#include "model/reported_rules.hpp"

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
    // Without the zone a relative name means nothing; a dotted name is taken as the full name
    // it almost always is.
    if (apex || written.find('.') == std::string::npos) return std::nullopt;
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
      unresolved(value.location, fmt::format("{} value of {} is not known statically ({}); "
                                             "rules skip it",
                                             type_name(type), set.address, *value.unknown));
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

void IacModelBuilder::add(const IacRecordSet& set) {
  if (!set.type.known()) {
    unresolved(set.type.location, fmt::format("record type of {} is not known statically ({}); "
                                              "the resource is not checked",
                                              set.address, *set.type.unknown));
    return;
  }
  const auto type = type_from_name(set.type.text);
  if (!type) {
    syntax_error(set.type.location, fmt::format("unknown record type '{}' in {}",
                                                printable_excerpt(set.type.text), set.address));
    return;
  }

  std::string zone;
  std::string zone_key;
  if (set.zone && set.zone->known()) {
    if (auto canonical = canonical_zone_name(set.zone->text)) {
      zone = *canonical;
      zone_key = zone;
    } else {
      syntax_error(set.zone->location,
                   fmt::format("bad zone name '{}'", printable_excerpt(set.zone->text)));
      return;
    }
  } else {
    zone_key = "?" + (set.zone ? *set.zone->unknown : std::string());
  }

  if (!set.name.known()) {
    unresolved(set.name.location, fmt::format("name of {} is not known statically ({}); the "
                                              "resource is not checked",
                                              set.address, *set.name.unknown));
    return;
  }
  const auto owner = owner_name(set, zone);
  if (!owner) {
    if (zone.empty() && set.name.known()) {
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
  if (!set.ttl) {
    record.flags |= Record::kUnknownTtl;
  } else if (!set.ttl->known()) {
    record.flags |= Record::kUnknownTtl;
    unresolved(set.ttl->location, fmt::format("TTL of {} is not known statically ({})", set.address,
                                              *set.ttl->unknown));
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
  }
  if (!zone.empty() && (set.whole_zone || (set.zone && set.zone->zone_created_here))) {
    pending.complete = true;
  }
  for (const IacValue& value : set.values) add_value(set, value, *type, zone, record, pending);
}

void IacModelBuilder::finish() {
  for (auto& [key, pending] : zones_) {
    if (pending.records.empty()) continue;
    Zone zone;
    zone.is_zone_file = false;
    zone.complete = pending.complete;
    zone.file = pending.file;
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
