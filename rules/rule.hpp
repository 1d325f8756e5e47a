// What a rule is: metadata plus a pure check over the model. A rule reports through a Reporter
// that stamps the rule's id and severity, so a rule cannot report under another id.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "model/finding.hpp"
#include "model/model.hpp"

namespace dnslint {

using OptionValue = std::variant<bool, std::int64_t, std::string, std::vector<std::string>>;

enum class OptionType { boolean, integer, string, string_list };

struct OptionSpec {
  std::string_view name;
  OptionType type;
  OptionValue default_value;
  std::string_view description;
};

// The option values a rule runs with: its defaults, overridden by the configuration.
class RuleOptions {
 public:
  void set(std::string name, OptionValue value) { values_[std::move(name)] = std::move(value); }
  std::int64_t integer(std::string_view name) const;
  bool boolean(std::string_view name) const;
  const std::vector<std::string>& strings(std::string_view name) const;

 private:
  const OptionValue& get(std::string_view name) const;
  std::map<std::string, OptionValue, std::less<>> values_;
};

class Reporter {
 public:
  Reporter(std::string_view rule_id, Severity severity, const Model& model)
      : rule_id_(rule_id), severity_(severity), model_(model) {}

  // A finding about one record of `zone`; returns it so that related locations can be added.
  Finding& report(const Zone& zone, const Record& record, std::string message);
  // A finding about a zone as a whole, at `location`.
  Finding& report_zone(const Zone& zone, const SourceLocation& location, std::string message);
  // Adds a related location to `finding`; a message equal to the previous one is shared.
  void relate(Finding& finding, const SourceLocation& location, std::string_view message);

  // The findings in order, in chunks: a rule with 150,000 findings holds no room to grow
  // (up to as much again) until the run ends, and a finding's reference stays valid while
  // more are added.
  std::vector<std::vector<Finding>> take() { return std::move(chunks_); }

 private:
  Finding& add(Finding finding);

  // The text of the last zone, owner, type and related message reported: a rule reports
  // one RRset, owner or zone after another, so one remembered value shares most repeats.
  template <typename Key>
  struct LastText {
    Key key{};
    SharedText text;
  };
  // The text for `key`: the remembered one when the key is the last one's, else make().
  template <typename Key, typename Make>
  static const SharedText& remembered(LastText<Key>& last, Key key, const Make& make) {
    if (last.key != key || last.text.empty()) last = {key, make()};
    return last.text;
  }

  std::string_view rule_id_;
  Severity severity_;
  const Model& model_;
  std::vector<std::vector<Finding>> chunks_;
  std::size_t count_ = 0;
  LastText<NameId> zone_{kNoName, {}};
  LastText<NameId> owner_{kNoName, {}};
  LastText<RRType> type_{0, {}};
  SharedText related_message_;
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
};

// Every rule, sorted by id.
const std::vector<Rule>& all_rules();
const Rule* find_rule(std::string_view id);

}  // namespace dnslint
