// What the mail-authentication rules share: the text of TXT records as receivers read it, which
// TXT records are SPF, DMARC, MTA-STS, TLS-RPT or DKIM records, tag=value lists (RFC 6376
// §3.2, which DMARC, MTA-STS and TLS-RPT follow), report URIs, and looking up the TXT records
// of a name given as text (an SPF include, a DMARC report domain).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.hpp"
#include "rules/rule.hpp"
#include "rules/spf_record.hpp"

namespace dnslint {

// The character-strings of a TXT record joined with nothing between them, as SPF (RFC 7208
// §3.3), DKIM (RFC 6376 §3.6.2.2), DMARC, MTA-STS and TLS-RPT read a record split into
// strings.
std::string txt_text(const Record& record);

// The first character-string of a TXT record, without putting the text together (empty for a
// record with none).
std::string_view first_txt_string(const Record& record);

// Where the character-strings of a TXT record meet in txt_text's result: the offset of each
// string's end but the last.
std::vector<std::size_t> txt_string_joins(const Record& record);

// RFC 7208 §4.5: an SPF record starts with exactly "v=spf1", then a space or its end.
bool is_spf(std::string_view text);

// RFC 7489 §6.6.3: a DMARC record starts with a v= tag of exactly "DMARC1" ("v=DMARC1",
// white space allowed around "="), then ";", white space or its end.
bool starts_as_dmarc(std::string_view text);

// The records a policy rule reads at one name: each TXT record with its text, and for an SPF
// record (is_spf) its parse, made once a run for every rule (TxtRecords).
class TxtRecord {
 public:
  TxtRecord(const Record* of, std::string_view its_text) : record(of), text(its_text) {}

  const Record* record;
  std::string_view text;
  // For an SPF record: its terms, and the problems that make it a permerror (none otherwise).
  SpfTerms spf_terms() const { return {text, {spf_terms_, spf_term_count_}}; }
  std::span<const SpfProblem> spf_problems() const { return {spf_problems_, spf_problem_count_}; }

 private:
  friend class TxtRecords;
  const PackedSpfTerm* spf_terms_ = nullptr;
  const SpfProblem* spf_problems_ = nullptr;
  std::uint32_t spf_term_count_ = 0;
  std::uint32_t spf_problem_count_ = 0;
};

// Every TXT RRset of the model as for_each_rrset gives them, each record with its text put
// together (txt_text; a view of the record's own data when it is one character-string, as
// most are) and every SPF record parsed: built once a run (Model::derived) and read by all the
// mail rules, so that a rule costs its own logic, not another walk and parse of every TXT record.
class TxtRecords {
 public:
  explicit TxtRecords(const Model& model);

  struct Set {
    const Zone* zone;
    NameId owner;
    std::uint32_t begin;  // of its records in `records`
    std::uint32_t end;
  };
  std::vector<Set> sets;
  std::vector<TxtRecord> records;

 private:
  // Runs of values (one record's text or SPF terms) at addresses that never change, so that a
  // record keeps a view of its run: chunks that are never reallocated, each run within one.
  template <typename T>
  class StableRuns {
   public:
    std::span<const T> keep(std::span<const T> run);

   private:
    std::vector<std::vector<T>> chunks_;  // each filled only to the capacity reserved first
  };

  StableRuns<char> joined_;  // the texts of records of several strings
  StableRuns<PackedSpfTerm> spf_terms_;
  StableRuns<SpfProblem> spf_problems_;
};

// `rule` declared as a reader of TxtRecords (Rule::reads).
Rule reading_txt_records(Rule rule);

// Calls `visit(zone, owner, records)` for every TXT RRset (as for_each_rrset gives them) whose
// owner `owner_filter` accepts (nullptr: any owner), with the records whose text `select`
// accepts, when there are any. The span lasts for the visit only (the records' texts, for the
// run).
void for_each_txt_set(
    const Model& model, const std::function<bool(std::string_view owner)>& owner_filter,
    const std::function<bool(std::string_view text)>& select,
    const std::function<void(const Zone&, NameId owner, std::span<const TxtRecord>)>& visit);
// Owner filters: an owner whose first labels are `labels` ("_dmarc",
// "_smtp._tls"); an owner with a selector of one or more labels before `label`
// ("_domainkey": s1._domainkey.x, 2020-06.pbsmtp._domainkey.x; RFC 6376 §3.1 allows selectors
// of several labels).
std::function<bool(std::string_view)> first_labels(std::string_view labels);
std::function<bool(std::string_view)> selector_under(std::string_view label);
// The domain an owner with first labels like `labels` is about ("_dmarc.example.com." ->
// "example.com.").
std::string_view below_labels(std::string_view owner, std::size_t count);

// MTA-STS and TLS-RPT: each record's problems (what, and the text it is about) reported with
// `kind` ("MTA-STS"), and more than one record starting with `version` reported as such, with
// what senders then do (`consequence`).
using TextProblems = std::vector<std::pair<std::string, std::string_view>>;
void report_versioned_records(const Model& model, Reporter& reporter, const Zone& zone,
                              NameId owner, std::string_view domain,
                              std::span<const TxtRecord> records, std::string_view kind,
                              std::string_view version, std::string_view consequence,
                              TextProblems (*problems_of)(std::string_view text));

// True when `text` starts with exactly `version` ("v=STSv1"), followed by ";", white space or
// its end: "v=TLSRPTv10" is not version "v=TLSRPTv1".
bool starts_with_version(std::string_view text, std::string_view version);

// The record grammar MTA-STS (RFC 8461 §3.1) and TLS-RPT (RFC 8460 §3) share: the exact
// version, then fields separated by *WSP ";" *WSP, each name=value with no white space around
// "=", an optional final ";".
struct Field {
  std::string_view name;
  std::string_view value;
  std::string_view text;  // "name=value" as written
};
struct FieldList {
  std::vector<Field> fields;  // after the version
  TextProblems problems;      // each one makes senders discard the record
  bool versioned = false;     // it starts with the version
  const Field* find(std::string_view name) const;
};
FieldList parse_field_list(std::string_view text, std::string_view version);

// ext-name = (ALPHA / DIGIT) *31(ALPHA / DIGIT / "_" / "-" / "."), ext-value = 1*(%x21-3A /
// %x3C / %x3E-7E): the extension fields of both (RFC 8461 §3.1, RFC 8460 §3).
bool is_extension_field(const Field& field);

// A tag=value list: tags separated by ";", white space around tags, names and values ignored.
struct Tag {
  std::string_view name;
  std::string_view value;
  std::string_view text;  // "name=value" as written, for pointing at it
};
struct TagList {
  std::vector<Tag> tags;
  // The first problem that makes the list invalid (a part without "=", a bad tag name, a tag
  // given twice), and the text it is about.
  std::optional<std::string> problem;
  std::string_view problem_text;

  const Tag* find(std::string_view name) const;
};
TagList parse_tag_list(std::string_view text);

// `text` without the spaces and tabs at its ends (the WSP of RFC 5234, which RFC 8461, RFC 8460
// and RFC 8659 allow around their separators; a line end is not among them).
std::string_view trim_wsp(std::string_view text);

// `text` without the white space (spaces, tabs, line ends) at its ends.
std::string_view trim_white_space(std::string_view text);

// The items of a list separated by `separator` ("0:d:s", "mailto:a@x,mailto:b@y"), white space
// around each removed; an empty text has no item.
std::vector<std::string_view> split_list(std::string_view text, char separator);

// Checks a report URI of DMARC (rua/ruf, RFC 7489 §6.4: a mailto: or https: URI, optionally
// followed by "!" and a size) or TLS-RPT (RFC 8460 §3: mailto: or https:); nullopt when good,
// else what is wrong.
std::optional<std::string> check_report_uri(std::string_view uri, bool size_allowed);

// The domain of a mailto: URI ("mailto:dmarc@example.net" -> "example.net."), canonical;
// nullopt for other URIs or a malformed one.
std::optional<std::string> mailto_domain(std::string_view uri);

// RFC 7489 §7.1: whether a report destination is in the policy domain's own organisation, which
// needs no authorisation. Two names whose last two labels agree are taken as one organisation,
// which never asks a domain's own subdomains (at worst it misses two registrants under one
// public suffix such as co.uk).
bool same_organisation(std::string_view a, std::string_view b);

// A report address of a DMARC policy (rua or ruf) in another organisation: receivers use it
// only when the destination publishes an authorisation record (RFC 7489 §7.1).
struct ExternalReport {
  const Zone* zone;
  const Record* record;     // the policy's TXT record
  std::string_view tag;     // "rua" or "ruf"
  std::string_view uri;     // as written
  std::string_view domain;  // the policy's domain
  std::string destination;
  std::string authorisation;  // "<domain>._report._dmarc.<destination>"
};
// Calls `visit` for every such address of every domain with one DMARC record (with two,
// dmarc-multiple: no policy applies), in the order of for_each_txt_set.
void for_each_external_report(const Model& model,
                              const std::function<void(const ExternalReport&)>& visit);

// The records of `type` at a name given as text (canonical), as a server of the loaded zones
// would answer: through a CNAME or a wildcard, with the zone that answers (nullptr when no
// loaded zone does, or the name lies at or below a zone cut).
struct RecordAnswer {
  const Zone* zone = nullptr;
  std::vector<const Record*> records;
};
RecordAnswer lookup_records(const Model& model, std::string_view canonical_name, RRType type);

}  // namespace dnslint
