// Small helpers the rules share, so that every rule reads the model the same way.
#pragma once

#include <functional>
#include <span>
#include <string>

#include "model/lookup.hpp"
#include "model/model.hpp"
#include "rules/rule.hpp"

namespace dnslint {

// True for data a zone holds but never serves (RFC 1034 §4.2.1, RFC 6672 §2.3): below a DNAME,
// or at or below a zone cut other than the delegation's NS and DS at the cut and addresses
// (glue). dname-children and occluded-data report it, once; no other rule judges it.
bool is_occluded(const Model& model, const Zone& zone, NameId owner, RRType type);

// Calls `visit(zone, owner, rrset)` for every RRset of `type` in every zone, in a deterministic
// order (zones as loaded, owners by first appearance). Routing alternatives (Record::variant)
// are separate RRsets; an RRset with a value that is not known statically is skipped, since no
// rule can judge it as a whole, and so is occluded data. `owner_filter`, when given, picks the
// owners first (cheaper than the occlusion test for rules about a few names: _dmarc, ...).
// (Each RRset comes as servers hold it: a record the files repeat is in it once.)
void for_each_rrset(
    const Model& model, RRType type,
    const std::function<void(const Zone&, NameId, std::span<const std::uint32_t>)>& visit,
    const std::function<bool(NameId)>& owner_filter = {});

// True when a record of `set` has a value that is not known statically.
bool has_unknown_value(const Zone& zone, std::span<const std::uint32_t> set);

// Calls `visit(zone, record, mx)` for every MX record, in the order of for_each_rrset.
void for_each_mx(const Model& model,
                 const std::function<void(const Zone&, const Record&, const MxData&)>& visit);

// Calls `visit(zone, record)` for every record of `type` whose value is known and that is not
// occluded, in the order of for_each_rrset.
void for_each_record(const Model& model, RRType type,
                     const std::function<void(const Zone&, const Record&)>& visit);

// The record that makes `name` an alias (its CNAME, or a DNAME above it) in the loaded zone
// that holds it, or nullptr. Names below a zone cut are not judged.
const Record* alias_record(const Model& model, NameId name, const Zone* preferred);

// "CNAME to x." or "below the DNAME at y.": what makes a name an alias, for messages.
std::string describe_alias(const Model& model, const Record& alias);

// The checks shared by MX, NS and SRV: the target must be a host name, not an alias
// (RFC 2181 §10.3, RFC 2782) and not an address. `role` names the field ("MX exchange").
void report_if_alias(const Model& model, Reporter& reporter, const Zone& zone, const Record& record,
                     NameId target, std::string_view role);
void report_if_address_literal(const Model& model, Reporter& reporter, const Zone& zone,
                               const Record& record, const TargetName& target,
                               std::string_view role);

// Reports that something `record` needs is missing from `holder`, the zone that would hold it.
// Where the loaded files define the whole zone (Zone::complete) that is `message`, at the
// rule's severity; elsewhere the files show only part of the zone, so the finding is a note
// that `what` ("MX exchange shop.example.com. has no A or AAAA record") holds "in these
// files".
OpenFinding& report_absence(const Model& model, Reporter& reporter, const Zone& zone,
                            const Record& record, const Zone& holder, std::string message,
                            std::string_view what);

// Reports `record` when `target`, in the role `role` ("NS host"), is not a host name: letters,
// digits and hyphens, with no hyphen at either end of a label (RFC 952, RFC 1123 §2.1).
// Address literals are left to the rules about them.
void report_if_not_host_name(const Model& model, Reporter& reporter, const Zone& zone,
                             const Record& record, const TargetName& target, std::string_view role);

// For a type a name may hold once (CNAME, DNAME): calls `visit(zone, first, record)` for every
// later record at the same owner whose target differs from the first one's. Exact duplicates
// are left to duplicate-record.
void for_each_conflicting_target(
    const Model& model, RRType type,
    const std::function<void(const Zone&, const Record& first, const Record& record)>& visit);

// RFC 7505: a null MX has the root as its exchange.
bool is_null_mx(const Model& model, const MxData& mx);

// Exchange patterns of rule options: "name." matches that name; a label "*" matches any one
// label ("inbound-smtp.*.amazonaws.com."), and a leading "*." every name strictly below the
// rest ("*.mail.protection.outlook.com."). Case does not matter; the final dot is optional.
class NamePatterns {
 public:
  explicit NamePatterns(const std::vector<std::string>& patterns);
  bool matches(std::string_view canonical_name) const;

 private:
  struct Pattern {
    std::string text;       // lower case, ending in a dot
    std::string top_label;  // its last label, or empty where that is "*"
  };
  std::vector<Pattern> patterns_;
};

// "line 12" or "example.net.zone:12" when the location is in another file than `from`.
std::string where(const Model& model, const SourceLocation& location, const SourceLocation& from);

}  // namespace dnslint
