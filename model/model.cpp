#include "model/model.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_set>
#include <utility>

#include "model/address.hpp"

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
  for_each_string([&](std::string_view text) { out.emplace_back(text); });
  return out;
}

const TargetName* target_of(const Record& record) {
  if (const auto* name = std::get_if<NameData>(&record.rdata)) return &name->target;
  if (const auto* mx = std::get_if<MxData>(&record.rdata)) return &mx->exchange;
  if (const auto* srv = std::get_if<SrvData>(&record.rdata)) return &srv->target;
  return nullptr;
}

void rename_names(Record& record, std::span<const NameId> new_ids) {
  auto rename = [&](TargetName& target) {
    target.name = new_ids[target.name];
    if (target.relative_to != kNoName) target.relative_to = new_ids[target.relative_to];
  };
  record.owner = new_ids[record.owner];
  if (auto* soa = soa_of(record)) {
    rename(soa->mname);
    rename(soa->rname);
  } else if (auto* name = std::get_if<NameData>(&record.rdata)) {
    rename(name->target);
  } else if (auto* mx = std::get_if<MxData>(&record.rdata)) {
    rename(mx->exchange);
  } else if (auto* srv = std::get_if<SrvData>(&record.rdata)) {
    rename(srv->target);
  }
}

std::string rdata_key(const Record& record) {
  struct KeyVisitor {
    std::string operator()(const AData& a) const { return fmt::format("{}", a.address); }
    std::string operator()(const AaaaData& a) const {
      return std::string(reinterpret_cast<const char*>(a.address.data()), a.address.size());
    }
    std::string operator()(const NameData& n) const { return fmt::format("{}", n.target.name); }
    std::string operator()(const MxData& m) const {
      return fmt::format("{} {}", m.preference(), m.exchange.name);
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

std::string presentation_text(const NameTable& names, const Record& record) {
  const auto name = [&](const TargetName& target) { return std::string(names.str(target.name)); };
  return std::visit(
      [&](const auto& data) -> std::string {
        using T = std::decay_t<decltype(data)>;
        if constexpr (std::is_same_v<T, AData>) {
          return format_ipv4(data.address);
        } else if constexpr (std::is_same_v<T, AaaaData>) {
          return format_ipv6(data.address);
        } else if constexpr (std::is_same_v<T, NameData>) {
          return name(data.target);
        } else if constexpr (std::is_same_v<T, MxData>) {
          return fmt::format("{} {}", data.preference(), name(data.exchange));
        } else if constexpr (std::is_same_v<T, SrvData>) {
          return fmt::format("{} {} {} {}", data.priority, data.weight, data.port,
                             name(data.target));
        } else if constexpr (std::is_same_v<T, Boxed<SoaData>>) {
          return fmt::format("{} {} {} {} {} {} {}", name(data->mname), name(data->rname),
                             data->serial, data->refresh, data->retry, data->expire, data->minimum);
        } else if constexpr (std::is_same_v<T, TxtData>) {
          // RFC 1035 §5.1: quotes and backslashes escaped, other bytes outside printable
          // ASCII as \DDD.
          std::string out;
          data.for_each_string([&](std::string_view text) {
            if (!out.empty()) out += ' ';
            out += '"';
            for (char c : text) {
              const auto byte = static_cast<unsigned char>(c);
              if (c == '"' || c == '\\') {
                out += '\\';
                out += c;
              } else if (byte < 0x20 || byte >= 0x7f) {
                out += fmt::format("\\{:03}", byte);
              } else {
                out += c;
              }
            }
            out += '"';
          });
          return out.empty() ? "\"\"" : out;
        } else {
          const std::string_view wire = data.wire.view();
          std::string out = fmt::format("\\# {}", wire.size());
          if (!wire.empty()) out += ' ';
          for (char c : wire) out += fmt::format("{:02x}", static_cast<unsigned char>(c));
          return out;
        }
      },
      record.rdata);
}

bool same_rdata(const Record& a, const Record& b) {
  if (a.rdata.index() != b.rdata.index()) return false;
  return std::visit(
      [&](const auto& x) {
        using T = std::decay_t<decltype(x)>;
        const T& y = std::get<T>(b.rdata);
        if constexpr (std::is_same_v<T, AData>) return x.address == y.address;
        if constexpr (std::is_same_v<T, AaaaData>) return x.address == y.address;
        if constexpr (std::is_same_v<T, NameData>) return x.target.name == y.target.name;
        if constexpr (std::is_same_v<T, MxData>)
          return x.preference() == y.preference() && x.exchange.name == y.exchange.name;
        if constexpr (std::is_same_v<T, SrvData>)
          return x.priority == y.priority && x.weight == y.weight && x.port == y.port &&
                 x.target.name == y.target.name;
        if constexpr (std::is_same_v<T, Boxed<SoaData>>)
          return x->mname.name == y->mname.name && x->rname.name == y->rname.name &&
                 x->serial == y->serial && x->refresh == y->refresh && x->retry == y->retry &&
                 x->expire == y->expire && x->minimum == y->minimum;
        if constexpr (std::is_same_v<T, TxtData> || std::is_same_v<T, GenericData>)
          return x.wire == y.wire;
      },
      a.rdata);
}

namespace {

// A zone of fewer records is indexed on one thread, and a larger one counted in parts of
// at least this many records.
constexpr std::size_t kRecordsPerPart = 256 * 1024;

// Marks a record that is not its owner's first.
constexpr std::uint32_t kNoOwner = 0xffffffffu;

// Sorts each owner's records by type, keeping source order within a type: most owners hold
// a handful of records (insertion sort), a few may hold thousands.
void sort_node_by_type(std::span<std::uint32_t> node, const std::vector<Record>& records) {
  auto by_type = [&](std::uint32_t a, std::uint32_t b) {
    return records[a].type < records[b].type;
  };
  if (node.size() > 16) {
    std::stable_sort(node.begin(), node.end(), by_type);
    return;
  }
  for (std::size_t i = 1; i < node.size(); ++i) {
    const std::uint32_t moving = node[i];
    std::size_t j = i;
    for (; j > 0 && by_type(moving, node[j - 1]); --j) node[j] = node[j - 1];
    node[j] = moving;
  }
}

}  // namespace

void Zone::build_index(const NameTable& names, const ForEach& for_each) {
  // Threads pay off for a large zone only.
  const ForEach run = records.size() >= kRecordsPerPart ? for_each : ForEach(sequentially);
  sort_by_owner(run);
  // The RRsets (and the cuts and DNAMEs found from them) and the names that exist need only
  // the sorted owners: two independent halves.
  run(2, [&](std::size_t half) {
    if (half == 0) {
      index_rrsets();
      index_cuts_and_dnames();
    } else {
      index_existing_names(names);
    }
  });
}

void Zone::index_cuts_and_dnames() {
  cuts_.clear();
  for (const IndexRange& set : rrsets(rrtype::NS)) {
    const NameId owner = records[by_owner_[set.begin]].owner;
    if (owner != origin) cuts_.insert(owner);
  }
  dnames_.clear();
  for (const IndexRange& set : rrsets(rrtype::DNAME)) {
    dnames_.insert(records[by_owner_[set.begin]].owner);
  }
}

void Zone::index_existing_names(const NameTable& names) {
  wildcards_.clear();
  for (const NameId owner : owners_) {
    if (names.str(owner).starts_with("*.")) wildcards_[names.parent(owner)] = owner;
  }
  existing_.reset(names.size(), owners_.size());
  for (const NameId owner : owners_) {
    // Mark the owner and its ancestors inside the zone (empty non-terminals exist too).
    for (NameId name = owner; !existing_.contains(name);) {
      existing_.insert(name);
      if (name == origin || names.is_root(name) || !names.is_at_or_below(name, origin)) break;
      name = names.parent(name);
    }
  }
}

void Zone::index_rrsets() {
  // Walking the nodes (in order of first appearance) and splitting each by type gives every
  // type's RRsets in that order; counting them per type first places each directly.
  // Counters up to the largest type present only: a zone of common types needs a few hundred,
  // and a run over a thousand small zones must not clear 256 KiB for each.
  RRType largest = 0;
  for (const Record& record : records) largest = std::max(largest, record.type);
  const std::size_t type_count = std::size_t{largest} + 1;
  std::vector<std::uint32_t> per_type(type_count + 1, 0);
  auto for_each_split = [&](auto&& visit) {
    for (const Node node : nodes()) {
      for (std::uint32_t i = node.begin; i < node.end;) {
        const RRType type = records[by_owner_[i]].type;
        std::uint32_t j = i + 1;
        while (j < node.end && records[by_owner_[j]].type == type) ++j;
        visit(type, IndexRange{i, j});
        i = j;
      }
    }
  };
  for_each_split([&](RRType type, IndexRange) { ++per_type[std::size_t{type} + 1]; });
  rrsets_by_type_.clear();
  for (std::size_t type = 0; type < type_count; ++type) {
    const std::uint32_t count = per_type[type + 1];
    per_type[type + 1] += per_type[type];
    if (count > 0) {
      rrsets_by_type_.push_back(
          {static_cast<RRType>(type), per_type[type], per_type[type] + count});
    }
  }
  rrset_begins_.resize(per_type[type_count]);
  rrset_sizes_.resize(per_type[type_count]);
  long_rrsets_.clear();
  repeats_.clear();
  for_each_split([&](RRType type, IndexRange range) {
    const std::uint32_t set = per_type[type]++;
    const std::uint32_t size = range.end - range.begin;
    rrset_begins_[set] = range.begin;
    rrset_sizes_[set] = static_cast<std::uint8_t>(std::min<std::uint32_t>(size, kLongRRset));
    if (size >= kLongRRset) long_rrsets_.emplace_back(set, size);
    if (size > 1) mark_repeats(range);
  });
  std::sort(long_rrsets_.begin(), long_rrsets_.end());
}

void Zone::mark_repeats(const IndexRange& set) {
  // RFC 2181 §5: an RRset is a set. A record whose class, routing alternative and data an
  // earlier record of the set has is that record again. Unknown values compare with nothing.
  const auto indices = records_of(set);
  const auto mark = [&](std::uint32_t index) {
    if (repeats_.empty()) repeats_.resize(records.size());
    repeats_[index] = true;
  };
  // Small sets (nearly all) compare pairwise; a large one (100,000 MX records at one owner)
  // by key, in linear time.
  constexpr std::size_t kPairwise = 32;
  if (indices.size() > kPairwise) {
    std::unordered_set<std::string> seen;
    seen.reserve(indices.size());
    for (std::uint32_t index : indices) {
      const Record& record = records[index];
      if (record.unknown_value()) continue;
      std::string key = fmt::format("{} {} ", record.rclass, record.variant);
      key += rdata_key(record);
      if (!seen.insert(std::move(key)).second) mark(index);
    }
    return;
  }
  for (std::size_t i = 1; i < indices.size(); ++i) {
    const Record& record = records[indices[i]];
    if (record.unknown_value()) continue;
    for (std::size_t k = 0; k < i; ++k) {
      const Record& earlier = records[indices[k]];
      if (earlier.unknown_value() || earlier.rclass != record.rclass ||
          earlier.variant != record.variant || !same_rdata(earlier, record)) {
        continue;
      }
      mark(indices[i]);
      break;
    }
  }
}

Zone::RRsetList Zone::rrsets(RRType type) const {
  auto it = std::lower_bound(rrsets_by_type_.begin(), rrsets_by_type_.end(), type,
                             [](const TypeRange& range, RRType t) { return range.type < t; });
  if (it == rrsets_by_type_.end() || it->type != type) return {this, 0, 0};
  return {this, it->begin, it->end - it->begin};
}

Zone::IndexRange Zone::rrset_at(std::size_t i) const {
  const std::uint32_t begin = rrset_begins_[i];
  std::uint32_t size = rrset_sizes_[i];
  if (size == kLongRRset) {
    size =
        std::lower_bound(long_rrsets_.begin(), long_rrsets_.end(),
                         std::pair<std::uint32_t, std::uint32_t>(static_cast<std::uint32_t>(i), 0))
            ->second;
  }
  return {begin, begin + size};
}

void Zone::sort_by_owner(const ForEach& for_each) {
  by_owner_.resize(records.size());
  owners_.clear();
  owner_base_ = 0;
  owner_start_.clear();
  sparse_ranges_.clear();
  node_by_sparse_owner_.clear();
  if (records.empty()) return;
  // The records in contiguous parts, each counted and placed on its own (a parallel counting
  // sort); one part for a small zone, whose threads would cost more than they save. Two
  // parts, because each part's counts are an array over all owners to clear and sum: more
  // parts made a large zone's index slower, not faster.
  constexpr std::size_t kMostParts = 2;
  const std::size_t part_count =
      std::clamp<std::size_t>(records.size() / kRecordsPerPart, 1, kMostParts);
  // The part'th of `part_count` even shares of [0, size): of the records, or of the owners.
  auto share_of = [&](std::size_t size, std::size_t part) {
    return std::pair{size * part / part_count, size * (part + 1) / part_count};
  };
  std::vector<std::pair<NameId, NameId>> bounds(part_count);
  for_each(part_count, [&](std::size_t part) {
    const auto [begin, end] = share_of(records.size(), part);
    NameId lowest = records[begin].owner;
    NameId highest = lowest;
    for (std::size_t i = begin; i < end; ++i) {
      lowest = std::min(lowest, records[i].owner);
      highest = std::max(highest, records[i].owner);
    }
    bounds[part] = {lowest, highest};
  });
  NameId lowest = bounds[0].first;
  NameId highest = bounds[0].second;
  for (const auto& [low, high] : bounds) {
    lowest = std::min(lowest, low);
    highest = std::max(highest, high);
  }
  const std::size_t span = std::size_t{highest} - lowest + 1;
  if (span > 4 * records.size() + 1024) {
    sort_by_owner_sparse();
    return;
  }
  // Owner ids of a zone are nearly dense (names are numbered as they are first read), so a
  // counting sort by owner is linear and needs no key array: count, place each record in
  // source order, then order each owner's few records by type.
  std::vector<std::vector<std::uint32_t>> next(part_count);
  for_each(part_count, [&](std::size_t part) {
    const auto [begin, end] = share_of(records.size(), part);
    next[part].assign(span, 0);
    for (std::size_t i = begin; i < end; ++i) ++next[part][records[i].owner - lowest];
  });
  // start[o] is where owner o's records begin; each part places its records of o after those
  // of the parts before it, so every owner's records stay in source order.
  std::vector<std::uint32_t> start(span + 1, 0);
  std::uint32_t placed = 0;
  std::size_t owner_count = 0;
  for (std::size_t o = 0; o < span; ++o) {
    start[o] = placed;
    for (auto& counts : next) placed += std::exchange(counts[o], placed);
    if (placed != start[o]) ++owner_count;
  }
  start[span] = placed;
  for_each(part_count, [&](std::size_t part) {
    const auto [begin, end] = share_of(records.size(), part);
    for (std::size_t i = begin; i < end; ++i) {
      by_owner_[next[part][records[i].owner - lowest]++] = static_cast<std::uint32_t>(i);
    }
    next[part] = {};
  });
  // Each owner's first record in source order is the first placed for it: marking where it
  // lies puts the owners in order of first appearance without walking the records again.
  // Then each owner's records are ordered by type.
  std::vector<std::uint32_t> owner_at_first(records.size(), kNoOwner);
  for_each(part_count, [&](std::size_t part) {
    const auto [first_owner, end_owner] = share_of(span, part);
    for (std::size_t o = first_owner; o < end_owner; ++o) {
      if (start[o] == start[o + 1]) continue;
      owner_at_first[by_owner_[start[o]]] = static_cast<std::uint32_t>(o);
      sort_node_by_type(
          std::span<std::uint32_t>(by_owner_).subspan(start[o], start[o + 1] - start[o]), records);
    }
  });
  owner_base_ = lowest;
  owners_.reserve(owner_count);
  for (const std::uint32_t o : owner_at_first) {
    if (o != kNoOwner) owners_.push_back(static_cast<NameId>(lowest + o));
  }
  owner_start_ = std::move(start);
}

void Zone::sort_by_owner_sparse() {
  // Owners from far apart in the name table: sort flat (owner, type, position) keys.
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
  for (std::size_t i = 0; i < keys.size(); ++i) by_owner_[i] = keys[i].index;
  keys = {};
  std::vector<std::pair<std::uint32_t, Node>> first_and_node;
  for (std::uint32_t i = 0; i < by_owner_.size();) {
    const NameId owner = records[by_owner_[i]].owner;
    std::uint32_t j = i;
    std::uint32_t first = by_owner_[i];
    for (; j < by_owner_.size() && records[by_owner_[j]].owner == owner; ++j) {
      first = std::min(first, by_owner_[j]);
    }
    first_and_node.push_back({first, Node{owner, i, j}});
    i = j;
  }
  std::sort(first_and_node.begin(), first_and_node.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  node_by_sparse_owner_.reserve(first_and_node.size());
  for (const auto& [first, node] : first_and_node) {
    node_by_sparse_owner_.insert(node.owner, static_cast<std::uint32_t>(owners_.size()));
    owners_.push_back(node.owner);
    sparse_ranges_.push_back({node.begin, node.end});
  }
}

std::vector<RRType> Zone::types() const {
  std::vector<RRType> types;
  for (const TypeRange& range : rrsets_by_type_) types.push_back(range.type);
  return types;
}

Zone::Node Zone::node_at(std::size_t i) const {
  const NameId owner = owners_[i];
  if (owner_start_.empty()) return {owner, sparse_ranges_[i].begin, sparse_ranges_[i].end};
  const std::size_t o = owner - owner_base_;
  return {owner, owner_start_[o], owner_start_[o + 1]};
}

Zone::IndexRange Zone::range_of(NameId owner) const {
  if (!owner_start_.empty()) {
    if (owner < owner_base_) return {};
    const std::size_t o = std::size_t{owner} - owner_base_;
    if (o + 1 >= owner_start_.size()) return {};
    return {owner_start_[o], owner_start_[o + 1]};
  }
  const std::uint32_t* index = node_by_sparse_owner_.find(owner);
  return index == nullptr ? IndexRange{} : sparse_ranges_[*index];
}

std::span<const std::uint32_t> Zone::records_at(NameId owner) const {
  return records_of(range_of(owner));
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

void sequentially(std::size_t count, const Task& task) {
  for (std::size_t i = 0; i < count; ++i) task(i);
}

void Model::build_indexes(const ForEach& for_each) {
  derived.clear();
  // Several zones index side by side; a single zone indexes on the threads itself.
  if (zones.size() == 1) {
    zones.front().build_index(names, for_each);
  } else {
    for_each(zones.size(), [&](std::size_t i) { zones[i].build_index(names); });
  }
  zones_by_origin_.clear();
  for (std::uint32_t i = 0; i < zones.size(); ++i) zones_by_origin_[zones[i].origin].push_back(i);
}

const Zone* Model::zone_for(NameId name, const Zone* preferred) const {
  for (NameId n = name;; n = names.parent(n)) {
    if (const auto* loaded = zones_by_origin_.find(n)) {
      auto holds = [&](const Zone& zone) { return zone.origin_known || zone.name_exists(name); };
      for (std::uint32_t index : *loaded) {
        if (&zones[index] == preferred && holds(*preferred)) return preferred;
      }
      if (loaded->size() > 1) {
        for (std::uint32_t index : *loaded) {
          if (zones[index].origin_known && zones[index].name_exists(name)) return &zones[index];
        }
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

std::string Model::zone_name(const Zone& zone) const {
  std::string text(name(zone.origin));
  const auto* loaded = zones_by_origin_.find(zone.origin);
  if (loaded != nullptr && loaded->size() > 1 && !zone.label.empty())
    text += " (" + zone.label + ")";
  return text;
}

}  // namespace dnslint
