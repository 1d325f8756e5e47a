// What a rule is: metadata plus a pure check over the model. A rule reports through a Reporter
// that stamps the rule's id, so a rule cannot report under another id.
#pragma once

#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <typeindex>
#include <variant>
#include <vector>

#include "model/finding.hpp"
#include "model/finding_log.hpp"
#include "model/model.hpp"

namespace dnslint {

// One item of a records option: field name -> value, as written ({owner: "...", type: MX}).
using OptionRecord = std::map<std::string, std::string, std::less<>>;
using OptionValue = std::variant<bool, std::int64_t, std::string, std::vector<std::string>,
                                 std::vector<OptionRecord>>;

enum class OptionType { boolean, integer, string, string_list, records };

struct OptionSpec {
  std::string_view name;
  OptionType type;
  OptionValue default_value;
  std::string_view description;
  // The values an integer option takes; others are configuration errors.
  std::int64_t minimum = 0;
  std::int64_t maximum = std::numeric_limits<std::int64_t>::max();
  // For a string list: what is wrong with one item (a configuration error), or nullopt. With
  // it, the list may also be written as a mapping, NAME: VALUE read as the item "NAME=VALUE".
  std::optional<std::string> (*check_item)(std::string_view item) = nullptr;
  // For records: the field at fault and what is wrong with one record, or nullopt.
  std::optional<std::pair<std::string, std::string>> (*check_record)(const OptionRecord& record) =
      nullptr;
  // For records that may also be written as a mapping NAME: {fields}: the field NAME fills.
  std::string_view record_key = {};
};

// The option values a rule runs with: its defaults, overridden by the configuration.
class RuleOptions {
 public:
  void set(std::string name, OptionValue value) { values_[std::move(name)] = std::move(value); }
  std::int64_t integer(std::string_view name) const;
  bool boolean(std::string_view name) const;
  const std::vector<std::string>& strings(std::string_view name) const;
  const std::string& text(std::string_view name) const;
  const std::vector<OptionRecord>& records(std::string_view name) const;

 private:
  const OptionValue& get(std::string_view name) const;
  std::map<std::string, OptionValue, std::less<>> values_;
};

// The finding a rule reported last: related locations can be added to it until the rule
// reports the next one (or its check ends), when the Reporter keeps it in its log.
class OpenFinding {
 private:
  friend class Reporter;
  struct Related {
    SourceLocation location;
    std::size_t begin = 0;  // of its message in related_text
    std::size_t size = 0;
  };
  SourceLocation location;
  std::string message;
  bool unconfirmed = false;
  bool milder = false;
  std::string focus;
  FixKind fix = FixKind::none;
  bool fix_is_suggestion = false;
  std::string fix_text;
  std::string_view zone;
  std::string_view owner;
  std::string type;
  std::vector<Related> related;
  std::string related_text;
};

// The severity of what a rule reports is the configuration's to decide, per file, in the
// engine: a rule says only what it found.
class Reporter {
 public:
  Reporter(std::string_view rule_id, const Model& model) : rule_id_(rule_id), model_(model) {}

  // A finding about one record of `zone`; returns it so that related locations can be added.
  OpenFinding& report(const Zone& zone, const Record& record, std::string message);
  // The same, at note severity whatever the rule's: for a finding the loaded files cannot
  // confirm (an absence in a zone they define only in part, see Zone::complete).
  OpenFinding& report_unconfirmed(const Zone& zone, const Record& record, std::string message);
  // A finding about a zone as a whole, at `location`.
  OpenFinding& report_zone(const Zone& zone, const SourceLocation& location, std::string message);
  // Narrows `finding` to `text` inside its record's source: the term of a TXT record that is
  // wrong, rather than the whole record (the engine finds where it stands).
  void focus(OpenFinding& finding, std::string_view text) { finding.focus = text; }
  // Attaches a fix whose meaning is certain (FixKind): replace or extend the focus given with
  // focus(), or delete the lines of the finding's record.
  void fix(OpenFinding& finding, FixKind kind, std::string_view text = {}) {
    finding.fix = kind;
    finding.fix_is_suggestion = false;
    finding.fix_text = text;
  }
  // Attaches a fix that is one likely meaning, not the certain one: editors offer it (not as
  // the preferred action) and SARIF carries it, but --fix never makes it.
  void suggest_fix(OpenFinding& finding, FixKind kind, std::string_view text = {}) {
    fix(finding, kind, text);
    finding.fix_is_suggestion = true;
  }
  // Makes `finding` one severity step milder than the rule's (Finding::milder).
  void make_milder(OpenFinding& finding) { finding.milder = true; }
  // Adds a related location to `finding`, the one reported last.
  void relate(OpenFinding& finding, const SourceLocation& location, std::string_view message);

  // Every finding reported, in order, compact (see FindingLog): a rule with hundreds of
  // thousands of findings keeps them small while the other rules still run over the model.
  FindingLog take();

 private:
  // Keeps the open finding in the log, if there is one.
  void close();

  std::string_view rule_id_;
  const Model& model_;
  FindingLog log_;
  OpenFinding open_;
  bool is_open_ = false;
  std::vector<RelatedView> related_views_;
};

using CheckFunction = void (*)(const Model&, const RuleOptions&, Reporter&);

struct Rule {
  std::string_view id;
  std::string_view summary;
  Severity severity;
  std::string_view rfc;
  std::vector<OptionSpec> options;
  // nullptr for the rules whose findings come from the readers (syntax-error, include-error).
  CheckFunction check = nullptr;
  // Checks the network, not the files: `dnslint verify` runs it (live/), a plain run never.
  bool live = false;
  // The derived data (Model::derived) the check reads. The engine runs the rules that read one
  // kind one after another and releases it when the last of them is done, so that it is not in
  // memory beside the work of the rules that run after them.
  std::vector<std::type_index> reads = {};
};

// Every rule, sorted by id.
const std::vector<Rule>& all_rules();
const Rule* find_rule(std::string_view id);

}  // namespace dnslint
