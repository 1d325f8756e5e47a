// Zones and the model of one run: every zone loaded, one name table, indexes by owner and type.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "model/finding.hpp"
#include "model/name.hpp"
#include "model/record.hpp"

namespace dnslint {

class Zone {
 public:
  NameId origin = kNoName;
  FileId file = 0;           // the file the zone was read from
  bool is_zone_file = true;  // a complete master file, so SOA rules apply
  // False when an IaC reader could not tell the zone's name and inferred its apex: such a
  // zone answers lookups only for names it holds, and no rule judges what lies "in" it.
  bool origin_known = true;
  std::vector<Record> records;  // in source order

  // Builds the lookup indexes; call once after all records are in.
  void build_index(const NameTable& names);

  // Indices into `records` of every record at `owner`, sorted by type, then source order.
  std::span<const std::uint32_t> records_at(NameId owner) const;
  // Indices of the records of one RRset (owner, type), in source order.
  std::span<const std::uint32_t> rrset(NameId owner, RRType type) const;
  // Owners in first-appearance order (deterministic, for rules that walk every node).
  const std::vector<NameId>& owners() const { return owners_; }

  // True when `name` owns records or is an empty non-terminal above an owner (RFC 4592 §2.2.2).
  bool name_exists(NameId name) const { return existing_.contains(name); }

  // The closest zone cut (a non-apex name with NS) at or above `name`, or kNoName.
  NameId delegation_at_or_above(const NameTable& names, NameId name) const;
  // The closest zone cut strictly above `name` (data there is glue or occluded), or kNoName.
  NameId delegation_above(const NameTable& names, NameId name) const;

 private:
  std::vector<std::uint32_t> by_owner_;
  std::unordered_map<NameId, std::pair<std::uint32_t, std::uint32_t>> nodes_;
  std::unordered_set<NameId> existing_;
  std::vector<NameId> owners_;
};

class Model {
 public:
  NameTable names;
  std::vector<std::string> files;  // display paths, indexed by FileId
  std::vector<Zone> zones;

  void build_indexes();

  // The loaded zone with the longest origin that `name` lies in; among zones with the same
  // origin, `preferred` if it is one of them, else the first loaded. nullptr when none.
  const Zone* zone_for(NameId name, const Zone* preferred = nullptr) const;

  std::string_view name(NameId id) const { return names.str(id); }

 private:
  std::unordered_map<NameId, std::vector<std::uint32_t>> zones_by_origin_;
};

}  // namespace dnslint
