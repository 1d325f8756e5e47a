// Zones and the model of one run: every zone loaded, one name table, indexes by owner and type.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "model/derived.hpp"
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
  // True when the loaded files define the whole zone, so that a name they do not hold does not
  // exist: a zone file, an octoDNS zone, or a hosted zone created with its records by the same
  // Terraform or CloudFormation code. External-dns endpoints and records added to a zone
  // managed elsewhere are only part of it.
  bool complete = true;
  // Records are added to the zone at run time (RFC 2136 updates, ACME challenges, DHCP): the
  // configuration says so, and the zone is then not complete either.
  bool dynamic = false;
  // Which zone object of which provider it is (infrastructure code): zones of one name with
  // one identity are one zone, whatever files they are read from; two zone resources, or two
  // providers, holding zones of one name are two. Empty for zone files, which stay apart.
  std::string identity;
  // How messages tell it from another loaded zone of the same name ("aws_route53_zone.public").
  std::string label;
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
  // A list of index entries made on access from the zone's compact index (a large zone keeps
  // millions of them: a begin and a one-byte size take 5 bytes where a range takes 8).
  template <typename Value, Value (Zone::*At)(std::size_t) const>
  class IndexList {
   public:
    // Refers to the zone, not to the list, so that it outlives a list made for one loop.
    class Iterator {
     public:
      Iterator(const Zone* zone, std::size_t i) : zone_(zone), i_(i) {}
      Value operator*() const { return (zone_->*At)(i_); }
      Iterator& operator++() {
        ++i_;
        return *this;
      }
      bool operator==(const Iterator& other) const { return i_ == other.i_; }

     private:
      const Zone* zone_;
      std::size_t i_;
    };
    IndexList(const Zone* zone, std::size_t first, std::size_t size)
        : zone_(zone), first_(first), size_(size) {}
    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    Value operator[](std::size_t i) const { return (zone_->*At)(first_ + i); }
    Iterator begin() const { return {zone_, first_}; }
    Iterator end() const { return {zone_, first_ + size_}; }

   private:
    const Zone* zone_;
    std::size_t first_;
    std::size_t size_;
  };

 private:
  Node node_at(std::size_t i) const;
  IndexRange rrset_at(std::size_t i) const;

 public:
  // Indices into `records` of every record at `owner`, sorted by type, then source order.
  std::span<const std::uint32_t> records_at(NameId owner) const;
  // Indices of the records of one RRset (owner, type), in source order.
  std::span<const std::uint32_t> rrset(NameId owner, RRType type) const;
  // Every owner with its records, in order of first appearance (deterministic, for rules that
  // walk every node).
  using NodeList = IndexList<Node, &Zone::node_at>;
  NodeList nodes() const { return {this, 0, owners_.size()}; }
  std::span<const std::uint32_t> records_of(const Node& node) const {
    return records_of(IndexRange{node.begin, node.end});
  }
  // Every RRset of `type`, owners in order of first appearance: rules that look at one type
  // walk only its RRsets, not every name of the zone.
  using RRsetList = IndexList<IndexRange, &Zone::rrset_at>;
  RRsetList rrsets(RRType type) const;
  // The types the zone holds, in ascending order.
  std::vector<RRType> types() const;
  std::span<const std::uint32_t> records_of(const IndexRange& set) const {
    return std::span<const std::uint32_t>(by_owner_).subspan(set.begin, set.end - set.begin);
  }

  // True when the record at `index` repeats an earlier record of its RRset (RFC 2181 §5: the
  // RRset holds it once): rules that count records leave it out, duplicate-record reports it.
  bool is_repeat(std::uint32_t index) const { return !repeats_.empty() && repeats_[index]; }

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
  void mark_repeats(const IndexRange& set);
  void index_cuts_and_dnames();
  void index_existing_names(const NameTable& names);
  IndexRange range_of(NameId owner) const;  // empty when `owner` owns nothing here

  std::vector<std::uint32_t> by_owner_;  // record indices by owner, then type, then position
  std::vector<NameId> owners_;           // every owner, in order of first appearance
  // Where each owner's records lie in by_owner_: when the owner ids are nearly dense (the
  // usual case), owner o's from owner_start_[o - owner_base_] to the next entry (4 bytes a
  // name); otherwise sparse_ranges_[i] for owners_[i], found through a hash map.
  NameId owner_base_ = 0;
  std::vector<std::uint32_t> owner_start_;
  std::vector<IndexRange> sparse_ranges_;
  IdMap<std::uint32_t> node_by_sparse_owner_;
  // The RRsets by type, then the owner's first appearance: where each begins in by_owner_ and
  // how many records it holds; a size of kLongRRset or more is kept in long_rrsets_ (sorted by
  // RRset).
  static constexpr std::uint8_t kLongRRset = 0xff;
  std::vector<std::uint32_t> rrset_begins_;
  std::vector<std::uint8_t> rrset_sizes_;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> long_rrsets_;
  struct TypeRange {
    RRType type;
    std::uint32_t begin;
    std::uint32_t end;
  };
  std::vector<TypeRange> rrsets_by_type_;  // sorted by type: its part of the RRsets
  std::vector<bool> repeats_;              // by record; empty while no RRset repeats a record
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
  // What rules derive from the model and share (DerivedData); emptied when indexes are built.
  DerivedData derived;

  // Builds every zone's index, then the model's. Zones index independently, reading the
  // name table only.
  void build_indexes(const ForEach& for_each = sequentially);

  // The loaded zone with the longest origin that `name` lies in; among zones with the same
  // origin (two providers' zones of one name), `preferred` if it is one of them, else one that
  // holds the name, else the first loaded. nullptr when none.
  const Zone* zone_for(NameId name, const Zone* preferred = nullptr) const;

  std::string_view name(NameId id) const { return names.str(id); }
  // A zone as messages name it: its origin, and where another loaded zone has the same name,
  // which of the two it is ("example.com. (aws_route53_zone.public)").
  std::string zone_name(const Zone& zone) const;

 private:
  IdMap<std::vector<std::uint32_t>> zones_by_origin_;
};

}  // namespace dnslint
