#include "rules/common.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "model/address.hpp"
#include "model/ascii.hpp"

namespace dnslint {
namespace {

// Asks for the first record of the RRset some sets ahead of `i`. The RRsets of one type lie
// scattered over a large zone's records (a record per cache line): every rule walking them
// would otherwise wait for memory at each set.
void prefetch_ahead(const Zone& zone, const Zone::RRsetList& ranges, std::size_t i) {
  constexpr std::size_t kAhead = 8;
  if (i + kAhead < ranges.size()) {
    __builtin_prefetch(&zone.records[zone.records_of(ranges[i + kAhead]).front()]);
  }
}

}  // namespace

bool is_occluded(const Model& model, const Zone& zone, NameId owner, RRType type) {
  if (zone.has_dname() && dname_above(model, zone, owner) != nullptr) return true;
  const NameId cut = zone.delegation_at_or_above(model.names, owner);
  if (cut == kNoName) return false;
  if (owner == cut &&
      (type == rrtype::NS || type == rrtype::DS || type == rrtype::NSEC || type == rrtype::RRSIG)) {
    return false;
  }
  return type != rrtype::A && type != rrtype::AAAA;  // addresses may be glue
}

void for_each_rrset(
    const Model& model, RRType type,
    const std::function<void(const Zone&, NameId, std::span<const std::uint32_t>)>& visit,
    const std::function<bool(NameId)>& owner_filter) {
  std::vector<std::uint32_t> distinct;
  for (const Zone& zone : model.zones) {
    // The RRset as servers hold it: a record repeated in the files is there once (RFC 2181 §5).
    const auto deliver = [&](NameId owner, std::span<const std::uint32_t> set) {
      if (has_unknown_value(zone, set)) return;
      if (std::none_of(set.begin(), set.end(),
                       [&](std::uint32_t index) { return zone.is_repeat(index); })) {
        return visit(zone, owner, set);
      }
      distinct.clear();
      for (std::uint32_t index : set) {
        if (!zone.is_repeat(index)) distinct.push_back(index);
      }
      visit(zone, owner, distinct);
    };
    const auto ranges = zone.rrsets(type);
    for (std::size_t i = 0; i < ranges.size(); ++i) {
      prefetch_ahead(zone, ranges, i);
      const auto set = zone.records_of(ranges[i]);
      const NameId owner = zone.records[set.front()].owner;
      if (owner_filter && !owner_filter(owner)) continue;
      if (is_occluded(model, zone, owner, type)) continue;
      const bool plain = std::all_of(set.begin(), set.end(), [&](std::uint32_t index) {
        return zone.records[index].variant == 0;
      });
      if (plain) {
        deliver(owner, set);
        continue;
      }
      // Routing alternatives: one RRset per variant, in order of first appearance.
      std::vector<std::uint16_t> variants;
      for (std::uint32_t index : set) {
        const std::uint16_t variant = zone.records[index].variant;
        if (std::find(variants.begin(), variants.end(), variant) == variants.end())
          variants.push_back(variant);
      }
      for (std::uint16_t variant : variants) {
        std::vector<std::uint32_t> part;
        for (std::uint32_t index : set) {
          if (zone.records[index].variant == variant) part.push_back(index);
        }
        deliver(owner, part);
      }
    }
  }
}

bool has_unknown_value(const Zone& zone, std::span<const std::uint32_t> set) {
  return std::any_of(set.begin(), set.end(),
                     [&](std::uint32_t index) { return zone.records[index].unknown_value(); });
}

void for_each_record(const Model& model, RRType type,
                     const std::function<void(const Zone&, const Record&)>& visit) {
  for (const Zone& zone : model.zones) {
    const auto ranges = zone.rrsets(type);
    for (std::size_t i = 0; i < ranges.size(); ++i) {
      prefetch_ahead(zone, ranges, i);
      const auto set = zone.records_of(ranges[i]);
      if (is_occluded(model, zone, zone.records[set.front()].owner, type)) continue;
      for (std::uint32_t index : set) {
        if (!zone.records[index].unknown_value()) visit(zone, zone.records[index]);
      }
    }
  }
}

void for_each_mx(const Model& model,
                 const std::function<void(const Zone&, const Record&, const MxData&)>& visit) {
  for_each_record(model, rrtype::MX, [&](const Zone& zone, const Record& record) {
    visit(zone, record, std::get<MxData>(record.rdata));
  });
}

const Record* alias_record(const Model& model, NameId name, const Zone* preferred) {
  const Resolution resolution = resolve(model, name, preferred, 0);
  return resolution.aliases.empty() ? nullptr : resolution.aliases.front();
}

std::string describe_alias(const Model& model, const Record& alias) {
  if (alias.type == rrtype::CNAME) {
    return fmt::format("CNAME to {}", model.name(std::get<NameData>(alias.rdata).target.name));
  }
  return fmt::format("below the DNAME at {}", model.name(alias.owner));
}

void report_if_alias(const Model& model, Reporter& reporter, const Zone& zone, const Record& record,
                     NameId target, std::string_view role) {
  const Record* alias = alias_record(model, target, &zone);
  if (alias == nullptr) return;
  OpenFinding& finding = reporter.report(
      zone, record,
      fmt::format("{} {} is an alias ({}); an {} must name a host with address records", role,
                  model.name(target), describe_alias(model, *alias), type_name(record.type)));
  reporter.relate(finding, alias->location, fmt::format("{} defined here", type_name(alias->type)));
}

void report_if_address_literal(const Model& model, Reporter& reporter, const Zone& zone,
                               const Record& record, const TargetName& target,
                               std::string_view role) {
  const std::string_view written = written_text(model.names, target);
  if (!looks_like_address_literal(written)) return;
  std::string message =
      fmt::format("{} '{}' is an IP address; an {} must name a host that has the address", role,
                  written, type_name(record.type));
  if (target.written_relative()) {
    message += fmt::format(" (as written it means {})", model.name(target.name));
  }
  reporter.report(zone, record, std::move(message));
}

namespace {

bool is_ldh(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }

// Why `name` is not a host name, or empty when it is one.
std::string host_name_problem(std::string_view name) {
  for (std::string_view rest = name; rest != "."; rest = parent_name(rest)) {
    const std::string_view label = first_label(rest);
    for (char c : label) {
      if (!is_ldh(c)) {
        return c == '\\' ? fmt::format("label '{}' has an escaped character", label)
                         : fmt::format("label '{}' has '{}'", label, c);
      }
    }
    if (label.front() == '-' || label.back() == '-') {
      return fmt::format("label '{}' starts or ends with a hyphen", label);
    }
  }
  return {};
}

}  // namespace

OpenFinding& report_absence(const Model& model, Reporter& reporter, const Zone& zone,
                            const Record& record, const Zone& holder, std::string message,
                            std::string_view what) {
  if (holder.complete) return reporter.report(zone, record, std::move(message));
  if (holder.dynamic) {
    return reporter.report_unconfirmed(
        zone, record,
        fmt::format("{} in these files; zone {} is dynamic (records are added to it at run "
                    "time), so check the zone a server holds",
                    what, model.zone_name(holder)));
  }
  if (model.names.is_root(holder.origin)) {
    return reporter.report_unconfirmed(
        zone, record,
        fmt::format("{} in these files, which do not say what zone the name belongs to; check "
                    "that the zone holding it does",
                    what));
  }
  return reporter.report_unconfirmed(
      zone, record,
      fmt::format("{} in these files, which define only part of zone {}; check that the rest "
                  "does",
                  what, model.zone_name(holder)));
}

void report_if_not_host_name(const Model& model, Reporter& reporter, const Zone& zone,
                             const Record& record, const TargetName& target,
                             std::string_view role) {
  if (looks_like_address_literal(written_text(model.names, target))) return;
  const std::string problem = host_name_problem(model.name(target.name));
  if (problem.empty()) return;
  reporter.report(zone, record,
                  fmt::format("{} {} is not a valid host name: {} (letters, digits and hyphens "
                              "only)",
                              role, model.name(target.name), problem));
}

void for_each_conflicting_target(
    const Model& model, RRType type,
    const std::function<void(const Zone&, const Record& first, const Record& record)>& visit) {
  for_each_rrset(model, type, [&](const Zone& zone, NameId, std::span<const std::uint32_t> set) {
    const Record& first = zone.records[set.front()];
    const NameId first_target = std::get<NameData>(first.rdata).target.name;
    for (std::uint32_t index : set.subspan(1)) {
      const Record& record = zone.records[index];
      if (std::get<NameData>(record.rdata).target.name != first_target) visit(zone, first, record);
    }
  });
}

bool is_null_mx(const Model& model, const MxData& mx) {
  return mx.exchange.name != kNoName && model.names.is_root(mx.exchange.name);
}

std::string where(const Model& model, const SourceLocation& location, const SourceLocation& from) {
  if (location.file == from.file) return fmt::format("line {}", location.line);
  return fmt::format("{}:{}", model.files[location.file], location.line);
}

namespace {

// The last label of a canonical name ("com" of "mx.example.com."); empty for the root.
std::string_view top_label_of(std::string_view name) {
  if (name.size() < 2) return {};
  name.remove_suffix(1);
  const std::size_t dot = name.rfind('.');
  return dot == std::string_view::npos ? name : name.substr(dot + 1);
}

}  // namespace

NamePatterns::NamePatterns(const std::vector<std::string>& patterns) {
  patterns_.reserve(patterns.size());
  for (const std::string& pattern : patterns) {
    std::string normal = to_ascii_lower(pattern);
    if (normal.empty() || normal.back() != '.') normal.push_back('.');
    const std::string_view top = top_label_of(normal);
    std::string top_label = top == "*" ? std::string() : std::string(top);
    patterns_.push_back({std::move(normal), std::move(top_label)});
  }
}

namespace {

// Label by label from the left; "*" takes one label.
bool labels_match(std::string_view name, std::string_view pattern) {
  while (true) {
    if (pattern == "." || name == ".") return pattern == name;
    const std::string_view label = first_label(pattern);
    if (label != "*" && label != first_label(name)) return false;
    pattern = parent_name(pattern);
    name = parent_name(name);
  }
}

}  // namespace

bool NamePatterns::matches(std::string_view name) const {
  // Most names end in a top label no pattern has: one comparison each turns them away.
  const std::string_view top = top_label_of(name);
  for (const Pattern& entry : patterns_) {
    if (!entry.top_label.empty() && entry.top_label != top) continue;
    const std::string_view pattern = entry.text;
    if (pattern.starts_with("*.")) {
      // Strictly below the rest: some labels, then the rest matched label by label.
      const std::string_view rest = pattern.substr(2);
      // "*." alone: every name but the root.
      if (rest.empty()) {
        if (name != ".") return true;
        continue;
      }
      for (std::string_view below = parent_name(name); below != "."; below = parent_name(below)) {
        if (labels_match(below, rest)) return true;
      }
    } else if (labels_match(name, pattern)) {
      return true;
    }
  }
  return false;
}

}  // namespace dnslint
