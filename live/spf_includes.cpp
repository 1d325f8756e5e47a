// spf-include-live: an SPF record whose include: and redirect= chain, followed on the live DNS
// beyond the loaded zones, needs more than 10 DNS-querying terms (RFC 7208 §4.6.4), reaches a
// domain without an SPF record (§5.2, §6.1: permerror), or loops. The offline spf-lookup-limit
// counts what the loaded zones hold and a lower bound for the rest; this rule follows the rest.
#include <fmt/format.h>

#include <map>
#include <set>

#include "live/checks.hpp"
#include "live/wire.hpp"
#include "model/rrtype.hpp"
#include "rules/mail_records.hpp"
#include "rules/spf_record.hpp"

namespace dnslint::live {
namespace {

// Beyond these, a chain is reported as what it is (too long) without being followed further.
constexpr std::size_t kMaxDomains = 1000;
constexpr int kMaxDepth = 10;

// What one domain publishes: its SPF records' texts, or why there are none.
struct Published {
  std::vector<std::string> records;
  bool loaded = false;  // from the loaded zones
  std::string failure;  // the lookup failed (not an absence): the cause
};

class SpfChains {
 public:
  explicit SpfChains(LiveRun& run) : run_(run) {}

  void check() {
    Reporter* reporter = run_.reporter("spf-include-live");
    if (reporter == nullptr) return;
    std::vector<std::pair<const Zone*, TxtRecord>> roots;
    for_each_txt_set(run_.model, nullptr, is_spf,
                     [&](const Zone& zone, NameId, std::span<const TxtRecord> records) {
                       for (const TxtRecord& record : records) roots.emplace_back(&zone, record);
                     });
    if (roots.empty()) return;
    fetch_targets(roots);
    for (const auto& [zone, txt] : roots) {
      const std::string domain(run_.model.name(txt.record->owner));
      Count count;
      std::set<std::string> stack{domain};
      count_record(txt.text, stack, count, 0);
      if (!count.live) continue;  // all in the loaded zones: spf-lookup-limit's to judge
      const auto report = [&](const std::string& message) {
        reporter->report(*zone, *txt.record, message);
      };
      if (count.lookups > 10) {
        report(
            fmt::format("this SPF record needs {}{} DNS lookups when its includes are "
                        "followed on the live DNS ({}): receivers return permerror over 10 "
                        "(RFC 7208 §4.6.4)",
                        count.macros ? "at least " : "", count.lookups, count.path_text()));
      }
      for (const std::string& problem : count.problems) report(problem);
    }
  }

 private:
  struct Count {
    int lookups = 0;
    bool live = false;    // some domain of the chain came from the live DNS
    bool macros = false;  // some target holds macros, not followed
    std::vector<std::string> problems;
    std::vector<std::pair<std::string, int>> includes;  // top-level targets and their cost

    std::string path_text() const {
      std::string out;
      for (const auto& [target, cost] : includes)
        out += fmt::format("{}{} {}", out.empty() ? "" : ", ", target, cost);
      return out;
    }
  };

  // The targets of the evaluated include: and redirect= terms of `text`.
  static std::vector<std::string> targets_of(std::string_view text) {
    std::vector<std::string> out;
    const SpfRecord record = parse_spf(text);
    for (const SpfTerm& term : record.terms) {
      if (!term.evaluated || (term.kind != SpfKind::include && term.kind != SpfKind::redirect))
        continue;
      if (auto target = spf_target_name(term.domain)) out.push_back(*target);
    }
    return out;
  }

  // What the loaded zones publish at `domain`, or nullopt when no loaded zone holds it.
  std::optional<Published> loaded(const std::string& domain) const {
    const auto name = run_.model.names.find(domain);
    if (!name) return std::nullopt;
    const Zone* zone = run_.model.zone_for(*name);
    if (zone == nullptr || !zone->complete) return std::nullopt;
    Published published;
    published.loaded = true;
    for (std::uint32_t index : zone->rrset(*name, rrtype::TXT)) {
      const Record& record = zone->records[index];
      if (record.unknown_value()) return std::nullopt;  // not known statically
      std::string text = txt_text(record);
      if (is_spf(text)) published.records.push_back(std::move(text));
    }
    return published;
  }

  // Every domain the chains reach, level by level: the loaded zones' first, the rest asked of
  // the resolver, one batch a level.
  void fetch_targets(const std::vector<std::pair<const Zone*, TxtRecord>>& roots) {
    std::vector<std::string> level;
    for (const auto& [zone, txt] : roots)
      for (std::string& target : targets_of(txt.text)) level.push_back(std::move(target));
    for (int depth = 0; depth < kMaxDepth && !level.empty() && published_.size() < kMaxDomains;
         ++depth) {
      std::vector<Question> questions;
      std::vector<std::string> next;
      std::set<std::string> asked;
      for (const std::string& domain : level) {
        if (published_.contains(domain) || !asked.insert(domain).second) continue;
        if (auto from_zones = loaded(domain)) {
          for (const std::string& text : from_zones->records)
            for (std::string& target : targets_of(text)) next.push_back(std::move(target));
          published_[domain] = std::move(*from_zones);
          continue;
        }
        questions.push_back(Question::to_resolver(domain, rrtype::TXT));
      }
      if (!questions.empty())
        run_.progress(fmt::format("following {} SPF include(s)", questions.size()));
      const auto answers = run_.network.ask(questions);
      for (std::size_t i = 0; i < answers.size(); ++i) {
        Published published;
        const Answer& answer = answers[i];
        if (!answer.ok() && answer.rcode != 3) published.failure = failure_text(answer);
        for (const ServedRecord& record : answer.answer) {
          if (record.type != rrtype::TXT || record.owner != questions[i].name) continue;
          std::string joined = joined_txt(record);
          if (is_spf(joined)) published.records.push_back(std::move(joined));
        }
        for (const std::string& text : published.records)
          for (std::string& target : targets_of(text)) next.push_back(std::move(target));
        published_[questions[i].name] = std::move(published);
      }
      level = std::move(next);
    }
  }

  // Adds the lookups of `text` and of what it includes to `count`.
  void count_record(std::string_view text, std::set<std::string>& stack, Count& count, int depth) {
    const SpfRecord record = parse_spf(text);
    for (const SpfTerm& term : record.terms) {
      if (!term.evaluated || !SpfRecord::looks_up(term.kind)) continue;
      const int before = count.lookups;
      ++count.lookups;
      if (term.kind != SpfKind::include && term.kind != SpfKind::redirect) continue;
      const auto target = spf_target_name(term.domain);
      if (!target) {
        count.macros = true;
        continue;
      }
      const auto found = published_.find(*target);
      if (found == published_.end() || depth >= kMaxDepth) {
        count.macros = true;  // not followed: the count is a lower bound
        continue;
      }
      const Published& published = found->second;
      count.live = count.live || !published.loaded;
      const std::string kind = term.kind == SpfKind::include ? "include" : "redirect";
      if (!published.failure.empty()) {
        count.problems.push_back(
            fmt::format("the SPF record of {} ({}:{}) could not be looked up: {}; receivers return "
                        "temperror while it fails",
                        *target, kind, *target, published.failure));
      } else if (published.records.empty()) {
        count.problems.push_back(fmt::format(
            "{}:{} names a domain without an SPF record: receivers return permerror (RFC 7208 "
            "§{})",
            kind, *target, term.kind == SpfKind::include ? "5.2" : "6.1"));
      } else if (published.records.size() > 1) {
        count.problems.push_back(fmt::format(
            "{}:{} names a domain with {} SPF records: receivers return permerror (RFC 7208 "
            "§4.5)",
            kind, *target, published.records.size()));
      } else if (stack.contains(*target)) {
        count.problems.push_back(
            fmt::format("{}:{} leads back to a domain the chain already includes: a loop, which "
                        "receivers end with permerror",
                        kind, *target));
      } else {
        stack.insert(*target);
        count_record(published.records.front(), stack, count, depth + 1);
        stack.erase(*target);
      }
      if (depth == 0) count.includes.emplace_back(*target, count.lookups - before);
    }
  }

  LiveRun& run_;
  std::map<std::string, Published> published_;
};

}  // namespace

void check_spf_includes(LiveRun& run) { SpfChains(run).check(); }

}  // namespace dnslint::live
