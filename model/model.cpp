#include "model/model.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace dnslint {

std::string_view severity_name(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::note:
      return "note";
  }
  return "error";
}

std::string_view written_text(const NameTable& names, const TargetName& target) {
  if (!target.written_relative()) return names.str(target.name);
  return relative_part(names.str(target.name), names.str(target.relative_to));
}

TxtData TxtData::from_strings(const std::vector<std::string>& strings) {
  std::string wire;
  for (const std::string& text : strings) {
    wire.push_back(static_cast<char>(std::min<std::size_t>(text.size(), 255)));
    wire.append(text, 0, 255);
  }
  return TxtData{HeapBytes(wire)};
}

std::vector<std::string> TxtData::strings() const {
  std::vector<std::string> out;
  std::string_view rest = wire.view();
  while (!rest.empty()) {
    const std::size_t size =
        std::min<std::size_t>(static_cast<unsigned char>(rest[0]), rest.size() - 1);
    out.emplace_back(rest.substr(1, size));
    rest.remove_prefix(1 + size);
  }
  return out;
}

const TargetName* target_of(const Record& record) {
  if (const auto* name = std::get_if<NameData>(&record.rdata)) return &name->target;
  if (const auto* mx = std::get_if<MxData>(&record.rdata)) return &mx->exchange;
  if (const auto* srv = std::get_if<SrvData>(&record.rdata)) return &srv->target;
  return nullptr;
}

std::string rdata_key(const Record& record) {
  struct KeyVisitor {
    std::string operator()(const AData& a) const { return fmt::format("{}", a.address); }
    std::string operator()(const AaaaData& a) const {
      return std::string(reinterpret_cast<const char*>(a.address.data()), a.address.size());
    }
    std::string operator()(const NameData& n) const { return fmt::format("{}", n.target.name); }
    std::string operator()(const MxData& m) const {
      return fmt::format("{} {}", m.preference, m.exchange.name);
    }
    std::string operator()(const SrvData& s) const {
      return fmt::format("{} {} {} {}", s.priority, s.weight, s.port, s.target.name);
    }
    std::string operator()(const Boxed<SoaData>& box) const {
      const SoaData& s = *box;
      return fmt::format("{} {} {} {} {} {} {}", s.mname.name, s.rname.name, s.serial, s.refresh,
                         s.retry, s.expire, s.minimum);
    }
    std::string operator()(const TxtData& t) const { return std::string(t.wire.view()); }
    std::string operator()(const GenericData& g) const { return std::string(g.wire.view()); }
  };
  return std::visit(KeyVisitor{}, record.rdata);
}

void Zone::build_index(const NameTable& names) {
  // Sorting flat (owner, type, position) keys is several times quicker than an indirect
  // stable sort through the records, and gives the same order.
  struct Key {
    std::uint64_t owner_and_type;
    std::uint32_t index;
  };
  std::vector<Key> keys(records.size());
  for (std::uint32_t i = 0; i < records.size(); ++i) {
    keys[i] = {static_cast<std::uint64_t>(records[i].owner) << 16 | records[i].type, i};
  }
  std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
    return a.owner_and_type != b.owner_and_type ? a.owner_and_type < b.owner_and_type
                                                : a.index < b.index;
  });
  by_owner_.resize(records.size());
  for (std::size_t i = 0; i < keys.size(); ++i) by_owner_[i] = keys[i].index;
  keys = {};

  // Nodes, ordered by the position of their first record.
  nodes_.clear();
  std::vector<std::uint32_t> first_record;
  for (std::uint32_t i = 0; i < by_owner_.size();) {
    const NameId owner = records[by_owner_[i]].owner;
    std::uint32_t j = i;
    std::uint32_t first = by_owner_[i];
    for (; j < by_owner_.size() && records[by_owner_[j]].owner == owner; ++j) {
      first = std::min(first, by_owner_[j]);
    }
    nodes_.push_back({owner, i, j});
    first_record.push_back(first);
    i = j;
  }
  std::vector<std::uint32_t> order(nodes_.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](std::uint32_t a, std::uint32_t b) { return first_record[a] < first_record[b]; });
  std::vector<Node> by_appearance(nodes_.size());
  for (std::size_t i = 0; i < order.size(); ++i) by_appearance[i] = nodes_[order[i]];
  nodes_ = std::move(by_appearance);
  node_of_.clear();
  node_of_.reserve(nodes_.size());
  for (const Node& node : nodes_) node_of_.insert(node.owner, {node.begin, node.end});
  index_rrsets();
  cuts_.clear();
  for (const IndexRange& set : rrsets(rrtype::NS)) {
    const NameId owner = records[by_owner_[set.begin]].owner;
    if (owner != origin) cuts_.insert(owner);
  }
  dnames_.clear();
  for (const IndexRange& set : rrsets(rrtype::DNAME)) {
    dnames_.insert(records[by_owner_[set.begin]].owner);
  }
  has_wildcard_ = std::any_of(nodes_.begin(), nodes_.end(), [&](const Node& node) {
    return names.str(node.owner).starts_with("*.");
  });

  existing_.clear();
  existing_.reserve(nodes_.size());
  for (const Node& node : nodes_) {
    // Mark the owner and its ancestors inside the zone (empty non-terminals exist too).
    for (NameId name = node.owner; !existing_.contains(name);) {
      existing_.insert(name);
      if (name == origin || names.is_root(name) || !names.is_at_or_below(name, origin)) break;
      name = names.parent(name);
    }
  }
}

void Zone::index_rrsets() {
  // Nodes are in order of first appearance, so walking them and splitting each by type gives
  // every type's RRsets in that order once they are grouped by type (stably).
  struct Entry {
    RRType type;
    IndexRange range;
  };
  std::vector<Entry> entries;
  entries.reserve(nodes_.size());
  for (const Node& node : nodes_) {
    for (std::uint32_t i = node.begin; i < node.end;) {
      const RRType type = records[by_owner_[i]].type;
      std::uint32_t j = i + 1;
      while (j < node.end && records[by_owner_[j]].type == type) ++j;
      entries.push_back({type, {i, j}});
      i = j;
    }
  }
  std::stable_sort(entries.begin(), entries.end(),
                   [](const Entry& a, const Entry& b) { return a.type < b.type; });
  rrsets_.resize(entries.size());
  rrsets_by_type_.clear();
  for (std::uint32_t i = 0; i < entries.size(); ++i) {
    rrsets_[i] = entries[i].range;
    if (rrsets_by_type_.empty() || rrsets_by_type_.back().type != entries[i].type) {
      rrsets_by_type_.push_back({entries[i].type, i, i});
    }
    rrsets_by_type_.back().end = i + 1;
  }
}

std::span<const Zone::IndexRange> Zone::rrsets(RRType type) const {
  auto it = std::lower_bound(rrsets_by_type_.begin(), rrsets_by_type_.end(), type,
                             [](const TypeRange& range, RRType t) { return range.type < t; });
  if (it == rrsets_by_type_.end() || it->type != type) return {};
  return std::span<const IndexRange>(rrsets_).subspan(it->begin, it->end - it->begin);
}

std::vector<RRType> Zone::types() const {
  std::vector<RRType> types;
  for (const TypeRange& range : rrsets_by_type_) types.push_back(range.type);
  return types;
}

std::span<const std::uint32_t> Zone::records_at(NameId owner) const {
  const IndexRange* range = node_of_.find(owner);
  if (range == nullptr) return {};
  return records_of(*range);
}

std::span<const std::uint32_t> Zone::rrset(NameId owner, RRType type) const {
  const auto node = records_at(owner);
  auto first = std::find_if(node.begin(), node.end(),
                            [&](std::uint32_t i) { return records[i].type == type; });
  auto last =
      std::find_if(first, node.end(), [&](std::uint32_t i) { return records[i].type != type; });
  return node.subspan(static_cast<std::size_t>(first - node.begin()),
                      static_cast<std::size_t>(last - first));
}

NameId Zone::delegation_at_or_above(const NameTable& names, NameId name) const {
  NameId cut = kNoName;
  if (cuts_.empty() || !names.is_at_or_below(name, origin)) return cut;
  for (NameId n = name; n != origin && !names.is_root(n); n = names.parent(n)) {
    if (cuts_.contains(n)) cut = n;
  }
  return cut;
}

NameId Zone::delegation_above(const NameTable& names, NameId name) const {
  if (name == origin || names.is_root(name)) return kNoName;
  return delegation_at_or_above(names, names.parent(name));
}

void Model::build_indexes() {
  zones_by_origin_.clear();
  for (std::uint32_t i = 0; i < zones.size(); ++i) {
    zones[i].build_index(names);
    zones_by_origin_[zones[i].origin].push_back(i);
  }
}

const Zone* Model::zone_for(NameId name, const Zone* preferred) const {
  for (NameId n = name;; n = names.parent(n)) {
    if (const auto* loaded = zones_by_origin_.find(n)) {
      auto holds = [&](const Zone& zone) { return zone.origin_known || zone.name_exists(name); };
      for (std::uint32_t index : *loaded) {
        if (&zones[index] == preferred && holds(*preferred)) return preferred;
      }
      for (std::uint32_t index : *loaded) {
        if (zones[index].origin_known) return &zones[index];
      }
      for (std::uint32_t index : *loaded) {
        if (holds(zones[index])) return &zones[index];
      }
    }
    if (names.is_root(n)) return nullptr;
  }
}

}  // namespace dnslint
