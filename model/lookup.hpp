// Name resolution inside the loaded zones, as an authoritative server would answer: the node
// for a name (or the wildcard that synthesizes it, RFC 4592), aliases followed (CNAME, DNAME),
// and the addresses found at the end. Rules share these so that every rule agrees on what a
// name "is".
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "model/model.hpp"

namespace dnslint {

// The records that answer for `name` in `zone`: its own node, or when the name does not exist,
// the wildcard at its closest encloser.
struct Answer {
  NameId name = kNoName;  // the owner of the records (the wildcard when synthesized)
  std::span<const std::uint32_t> records;
  bool via_wildcard = false;
};
Answer find_answer(const Model& model, const Zone& zone, NameId name);

// The DNAME record at a proper ancestor of `name` inside `zone` (RFC 6672 §2.3), or nullptr.
const Record* dname_above(const Model& model, const Zone& zone, NameId name);

// The name a DNAME maps `name` to (RFC 6672 §2.2); nullopt when no loaded data has that name.
std::optional<NameId> substitute_dname(const Model& model, NameId name, const Record& dname);

struct Resolution {
  const Zone* zone = nullptr;  // loaded zone authoritative for `final_name`; nullptr: outside
  bool delegated = false;      // `final_name` lies at or below a zone cut in `zone`
  bool loop = false;           // the alias chain came back to a name it had visited
  bool too_long = false;       // more aliases than the caller allowed were left to follow
  NameId final_name = kNoName;
  std::vector<const Record*> aliases;  // CNAME and DNAME records followed, in order
  // Every record at `final_name` (or at the wildcard that answers for it), sorted by type:
  // indices into zone->records; empty when the name holds nothing. A span into the index, so
  // that resolving, which rules do for every target, allocates nothing.
  std::span<const std::uint32_t> final_records;

  // True when the answer is known: in a loaded zone, authoritative, at the end of its chain.
  bool authoritative() const { return zone != nullptr && !delegated && !loop && !too_long; }
  const Record& final_record(std::uint32_t index) const { return zone->records[index]; }
  // True when `final_name` holds an A or AAAA record.
  bool has_addresses() const;
};

// Follows at most `max_hops` aliases from `name` and collects what the final name holds.
Resolution resolve(const Model& model, NameId name, const Zone* preferred,
                   std::size_t max_hops = 32);

}  // namespace dnslint
