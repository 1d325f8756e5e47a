// spf-lookup-limit: RFC 7208 §4.6.4 caps an SPF evaluation at 10 terms that query the DNS
// ("include", "a", "mx", "ptr", "exists" and "redirect"), counted through every include and
// redirect; one more and the result is permerror, so the domain's mail fails SPF everywhere.
// Includes are followed through the loaded zones; an include outside them counts 1 unless the
// `includes` option pins its cost, and the count is then a lower bound. An "mx" term counts
// 1, but an exchange list longer than 10 is a permerror of its own (§4.6.4), as is an include
// that comes back to a record already being evaluated. More than two void lookups (a name
// that does not exist or has no record of the type asked) are a permerror too (§4.6.4); they
// are counted where the name lies in a loaded zone the files define whole.
#include <fmt/format.h>

#include <charconv>
#include <map>

#include "model/ascii.hpp"
#include "rules/common.hpp"
#include "rules/mail_records.hpp"
#include "rules/rule.hpp"
#include "rules/spf_record.hpp"

namespace dnslint {
namespace {

constexpr int kLookupLimit = 10;
constexpr std::size_t kMxLimit = 10;
constexpr std::size_t kVoidLimit = 2;
// Past this many lookups the count stops following includes: the verdict is long known, and
// no chain of includes, however long or branching, costs more work than this per record.
constexpr int kCountCap = 50;

// "_spf.google.com=4": the lookups an include outside the loaded zones costs, itself counted.
std::optional<std::pair<std::string, int>> parse_pin(std::string_view item) {
  const std::size_t equals = item.rfind('=');
  if (equals == std::string_view::npos || equals == 0) return std::nullopt;
  const std::string_view count = item.substr(equals + 1);
  int value = 0;
  const auto [end, error] = std::from_chars(count.data(), count.data() + count.size(), value);
  if (error != std::errc() || end != count.data() + count.size() || value < 1 || value > 100)
    return std::nullopt;
  std::string name = to_ascii_lower(item.substr(0, equals));
  if (!name.ends_with('.')) name += '.';
  return std::pair{name, value};
}

std::optional<std::string> check_pin(std::string_view item) {
  if (parse_pin(item)) return std::nullopt;
  return fmt::format("'{}' is not NAME=COUNT with a count from 1 to 100", item);
}

struct Evaluation {
  int lookups = 0;
  std::vector<std::string> outside;  // includes counted as 1, not known to cost only that
  std::vector<std::string> loops;    // "a -> b -> a"
  std::vector<std::string> long_mx;  // "mx:example.com has 12 exchanges"
  std::vector<std::string> voids;    // "a:gone.example.com", lookups that find nothing
  bool capped = false;               // stopped following includes at kCountCap
};

class Counter {
 public:
  Counter(const Model& model, const std::map<std::string, int, std::less<>>& pins)
      : model_(model), pins_(pins) {}

  // Counts the record of `domain` (canonical) whose terms are `terms` into `out`: a record of
  // the loaded zones as the run keeps it (SpfTerms), or an included record parsed here.
  template <typename Terms>
  void count(const Terms& terms, std::string_view domain, Evaluation& out) {
    path_.push_back(domain);
    for (const SpfTerm& term : terms) {
      if (!SpfRecord::looks_up(term.kind) || !term.evaluated) continue;
      ++out.lookups;
      if (term.kind == SpfKind::mx) check_mx(term, domain, out);
      check_void(term, domain, out);
      if (term.kind != SpfKind::include && term.kind != SpfKind::redirect) continue;
      if (out.lookups > kCountCap) {
        out.capped = true;
        continue;
      }
      const auto target = spf_target_name(term.domain);
      if (!target) {
        out.outside.push_back(std::string(term.domain));  // a macro: known at evaluation only
        continue;
      }
      if (auto pin = pins_.find(*target); pin != pins_.end()) {
        out.lookups += pin->second - 1;
        continue;
      }
      if (std::find(path_.begin(), path_.end(), *target) != path_.end()) {
        std::string loop;
        for (std::string_view step : path_) loop += fmt::format("{} -> ", step);
        out.loops.push_back(loop + *target);
        continue;
      }
      const RecordAnswer answer = lookup_records(model_, *target, rrtype::TXT);
      std::vector<std::string> spf;
      for (const Record* record : answer.records) {
        std::string record_text = txt_text(*record);
        if (is_spf(record_text)) spf.push_back(std::move(record_text));
      }
      // Outside the loaded zones, or a target spf-include-missing or spf-multiple reports.
      if (answer.zone == nullptr) {
        out.outside.push_back(*target);
      } else if (spf.size() == 1) {
        count(parse_spf(spf.front()).terms, *target, out);
      }
    }
    path_.pop_back();
  }

 private:
  void check_mx(const SpfTerm& term, std::string_view domain, Evaluation& out) {
    std::string target(domain);
    if (!term.domain.empty()) {
      auto named = spf_target_name(term.domain);
      if (!named) return;
      target = *named;
    }
    const RecordAnswer answer = lookup_records(model_, target, rrtype::MX);
    if (answer.records.size() > kMxLimit) {
      out.long_mx.push_back(fmt::format("'{}' in the record of {} meets {} MX records at {}",
                                        term.text, domain, answer.records.size(), target));
    }
  }

  // A lookup that finds nothing in a loaded whole zone: the name does not exist, or has no
  // record of the type the term asks for (an "a" term: neither A nor AAAA, so whatever the
  // client's address family). "ptr" depends on the client and is not judged.
  void check_void(const SpfTerm& term, std::string_view domain, Evaluation& out) {
    if (term.kind == SpfKind::ptr) return;
    std::string target(domain);
    if (!term.domain.empty()) {
      auto named = spf_target_name(term.domain);
      if (!named) return;
      target = *named;
    }
    std::vector<RRType> asked;
    switch (term.kind) {
      case SpfKind::include:
      case SpfKind::redirect:
        asked = {rrtype::TXT};
        break;
      case SpfKind::a:
        asked = {rrtype::A, rrtype::AAAA};
        break;
      case SpfKind::mx:
        asked = {rrtype::MX};
        break;
      default:
        asked = {rrtype::A};  // exists
        break;
    }
    for (RRType type : asked) {
      const RecordAnswer answer = lookup_records(model_, target, type);
      if (answer.zone == nullptr || !answer.zone->complete || answer.zone->dynamic) return;
      if (!answer.records.empty()) return;
    }
    out.voids.push_back(std::string(term.text));
  }

  const Model& model_;
  const std::map<std::string, int, std::less<>>& pins_;
  std::vector<std::string_view> path_;  // the domains being evaluated, outermost first
};

std::string list(const std::vector<std::string>& items, std::size_t most = 3) {
  std::string out;
  for (std::size_t i = 0; i < items.size() && i < most; ++i) out += (i ? ", " : "") + items[i];
  if (items.size() > most) out += fmt::format(" and {} more", items.size() - most);
  return out;
}

void check(const Model& model, const RuleOptions& options, Reporter& reporter) {
  std::map<std::string, int, std::less<>> pins;
  for (const std::string& item : options.strings("includes")) {
    if (auto pin = parse_pin(item)) pins.insert(*pin);
  }
  Counter counter(model, pins);
  for_each_txt_set(
      model, nullptr, is_spf,
      [&](const Zone& zone, NameId owner, std::span<const TxtRecord> records) {
        // Two SPF records are a permerror of their own (spf-multiple), not evaluated here.
        if (records.size() != 1) return;
        const TxtRecord& spf = records.front();
        Evaluation evaluation;
        counter.count(spf.spf_terms(), model.name(owner), evaluation);
        for (const std::string& loop : evaluation.loops) {
          reporter.report(zone, *spf.record,
                          fmt::format("SPF includes of {} loop ({}): receivers return permerror",
                                      model.name(owner), loop));
        }
        for (const std::string& mx : evaluation.long_mx) {
          reporter.report(zone, *spf.record,
                          fmt::format("{}: receivers look up at most {} exchanges for an 'mx' "
                                      "term and return permerror (RFC 7208 §4.6.4)",
                                      mx, kMxLimit));
        }
        if (evaluation.voids.size() > kVoidLimit) {
          reporter.report(
              zone, *spf.record,
              fmt::format("SPF evaluation of {} makes {} void lookups ({}: names the loaded "
                          "zones do not hold, or that have no record of the type asked); "
                          "receivers return permerror after {} (RFC 7208 §4.6.4)",
                          model.name(owner), evaluation.voids.size(), list(evaluation.voids),
                          kVoidLimit));
        }
        if (evaluation.lookups <= kLookupLimit) return;
        std::string message =
            evaluation.capped ? fmt::format("SPF evaluation of {} needs more than {} DNS lookups",
                                            model.name(owner), kCountCap)
            : evaluation.outside.empty()
                ? fmt::format("SPF evaluation of {} needs {} DNS lookups", model.name(owner),
                              evaluation.lookups)
                : fmt::format(
                      "SPF evaluation of {} needs at least {} DNS lookups ({} outside "
                      "the loaded zones counted as 1 each: pin their cost with the "
                      "'includes' option)",
                      model.name(owner), evaluation.lookups, list(evaluation.outside));
        reporter.report(zone, *spf.record,
                        message + fmt::format("; receivers stop at {} and return permerror, so "
                                              "the domain's mail fails SPF (flatten includes or "
                                              "drop unused ones)",
                                              kLookupLimit));
      });
}

}  // namespace

Rule spf_lookup_limit_rule() {
  return reading_txt_records(
      {"spf-lookup-limit",
       "SPF evaluation needs more than 10 DNS lookups",
       Severity::error,
       "RFC 7208 §4.6.4",
       {{"includes", OptionType::string_list, std::vector<std::string>{},
         "the lookups an include outside the loaded zones costs, itself counted "
         "(\"_spf.google.com=4\", or a mapping _spf.google.com: 4)",
         0, std::numeric_limits<std::int64_t>::max(), check_pin}},
       check});
}

}  // namespace dnslint
