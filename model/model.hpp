// Zones and the model of one run: every zone loaded, one name table, indexes by owner and type.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "model/finding.hpp"
#include "model/id_map.hpp"
#include "model/name.hpp"
#include "model/record.hpp"

namespace dnslint {

// How index building runs independent tasks: for_each(count, task) calls task(i) for every i
// below count, in any order and on any threads (the engine passes its thread pool).
using Task = std::function<void(std::size_t)>;
using ForEach = std::function<void(std::size_t count, const Task& task)>;
void sequentially(std::size_t count, const Task& task);

class Zone {
 public:
  NameId origin = kNoName;
  FileId file = 0;           // the file the zone was read from
  bool is_zone_file = true;  // a complete master file, so SOA rules apply
  // False when an IaC reader could not tell the zone's name and inferred its apex: such a
  // zone answers lookups only for names it holds, and no rule judges what lies "in" it.
  bool origin_known = true;
  std::vector<Record> records;  // in source order

  // Builds the lookup indexes; call once after all records are in. A zone of many records
  // runs the independent parts of the work through `for_each` (on threads, in the engine).
  void build_index(const NameTable& names, const ForEach& for_each = sequentially);

  // The records at one owner name: a range of the owner index.
  struct Node {
    NameId owner = kNoName;
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
  };
  // A range of the owner index: one RRset (owner and type), or all records of one owner.
  struct IndexRange {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
  };

  // Indices into `records` of every record at `owner`, sorted by type, then source order.
  std::span<const std::uint32_t> records_at(NameId owner) const;
  // Indices of the records of one RRset (owner, type), in source order.
  std::span<const std::uint32_t> rrset(NameId owner, RRType type) const;
  // Every owner with its records, in order of first appearance (deterministic, for rules that
  // walk every node).
  std::span<const Node> nodes() const { return nodes_; }
  std::span<const std::uint32_t> records_of(const Node& node) const {
    return std::span<const std::uint32_t>(by_owner_).subspan(node.begin, node.end - node.begin);
  }
  // Every RRset of `type`, owners in order of first appearance: rules that look at one type
  // walk only its RRsets, not every name of the zone.
  std::span<const IndexRange> rrsets(RRType type) const;
  // The types the zone holds, in ascending order.
  std::vector<RRType> types() const;
  std::span<const std::uint32_t> records_of(const IndexRange& set) const {
    return std::span<const std::uint32_t>(by_owner_).subspan(set.begin, set.end - set.begin);
  }

  // True when `name` owns records or is an empty non-terminal above an owner (RFC 4592 §2.2.2).
  bool name_exists(NameId name) const { return existing_.contains(name); }

  // True when some owner holds a DNAME, or is a wildcard ("*.x"): lookups skip the walk up
  // the tree that these need in the zones (most of them) that have none.
  bool has_dname() const { return !dnames_.empty(); }
  bool is_dname_owner(NameId name) const { return dnames_.contains(name); }
  bool has_wildcard() const { return !wildcards_.empty(); }
  // The wildcard owner "*.<parent>" of this zone, or kNoName.
  NameId wildcard_below(NameId parent) const {
    const NameId* wildcard = wildcards_.find(parent);
    return wildcard != nullptr ? *wildcard : kNoName;
  }

  // The closest zone cut (a non-apex name with NS) at or above `name`, or kNoName.
  NameId delegation_at_or_above(const NameTable& names, NameId name) const;
  // The closest zone cut strictly above `name` (data there is glue or occluded), or kNoName.
  NameId delegation_above(const NameTable& names, NameId name) const;

 private:
  void sort_by_owner(const ForEach& for_each);
  void sort_by_owner_sparse();
  void index_rrsets();
  void index_cuts_and_dnames();
  void index_existing_names(const NameTable& names);
  const Node* node_of(NameId owner) const;  // nullptr when `owner` owns nothing here

  std::vector<std::uint32_t> by_owner_;  // record indices by owner, then type, then position
  std::vector<Node> nodes_;              // in order of first appearance
  // Owner -> index into nodes_: an array over the owner ids from owner_base_ when they are
  // nearly dense (the usual case; 4 bytes a name), a hash map when they are not.
  static constexpr std::uint32_t kNoNode = 0xffffffffu;
  NameId owner_base_ = 0;
  std::vector<std::uint32_t> node_by_owner_;
  IdMap<std::uint32_t> node_by_sparse_owner_;
  std::vector<IndexRange> rrsets_;  // by type, then the owner's first appearance
  struct TypeRange {
    RRType type;
    std::uint32_t begin;
    std::uint32_t end;
  };
  std::vector<TypeRange> rrsets_by_type_;  // sorted by type: the part of rrsets_ of each type
  CompactIdSet existing_;
  IdSet cuts_;               // owners of NS records other than the apex
  IdSet dnames_;             // owners of DNAME records
  IdMap<NameId> wildcards_;  // parent -> the wildcard owner below it
};

class Model {
 public:
  NameTable names;
  std::vector<std::string> files;  // display paths, indexed by FileId
  std::vector<Zone> zones;

  // Builds every zone's index, then the model's. Zones index independently, reading the
  // name table only.
  void build_indexes(const ForEach& for_each = sequentially);

  // The loaded zone with the longest origin that `name` lies in; among zones with the same
  // origin, `preferred` if it is one of them, else the first loaded. nullptr when none.
  const Zone* zone_for(NameId name, const Zone* preferred = nullptr) const;

  std::string_view name(NameId id) const { return names.str(id); }

 private:
  IdMap<std::vector<std::uint32_t>> zones_by_origin_;
};

}  // namespace dnslint
