// cname-chain: a CNAME whose target is itself an alias makes every lookup take one more round
// trip, and some resolvers stop following long chains (RFC 1034 §5.2.2 asks for aliases that
// point straight at the canonical name). Loops are cname-loop's finding.
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "model/id_map.hpp"
#include "model/lookup.hpp"
#include "rules/common.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

// Whether following the aliases from a name comes back to a name already passed (a loop, or a
// way into one: cname-loop's finding, not this rule's). Each name is walked once, so a chain of
// 100,000 aliases costs 100,000 steps, not 100,000 walks along it. That holds where each name
// has one zone to answer for it; where two loaded zones share a name (two providers' copies),
// where a walk goes depends on where it came from, and each alias is resolved on its own.
class AliasLoops {
 public:
  explicit AliasLoops(const Model& model) : model_(model), walk_once_(origins_unique(model)) {}

  bool leads_to_loop(NameId start, const Zone& zone) {
    if (!walk_once_) return resolve(model_, start, &zone).loop;
    std::vector<NameId> path;  // walked this time
    NameId name = start;
    const Zone* preferred = &zone;
    bool loop = false;
    for (;;) {
      const Resolution step = resolve(model_, name, preferred, 0);
      if (step.zone == nullptr || step.aliases.empty()) break;
      bool inserted = false;
      State& state = state_.try_emplace(name, inserted);
      if (!inserted) {
        // On this walk: it came back. Walked before: its answer is known.
        loop = state == State::walking || state == State::loop;
        break;
      }
      state = State::walking;
      path.push_back(name);
      const Record& alias = *step.aliases.front();
      if (alias.type == rrtype::CNAME) {
        name = std::get<NameData>(alias.rdata).target.name;
      } else {
        const auto substituted = substitute_dname(model_, name, alias);
        if (!substituted) break;
        name = *substituted;
      }
      preferred = step.zone;
    }
    for (NameId walked : path) *state_.find(walked) = loop ? State::loop : State::no_loop;
    return loop;
  }

 private:
  static bool origins_unique(const Model& model) {
    std::vector<NameId> origins;
    for (const Zone& zone : model.zones) origins.push_back(zone.origin);
    std::sort(origins.begin(), origins.end());
    return std::adjacent_find(origins.begin(), origins.end()) == origins.end();
  }

  enum class State : std::uint8_t { walking, loop, no_loop };
  const Model& model_;
  const bool walk_once_;
  IdMap<State> state_;  // the names of aliases walked
};

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  AliasLoops loops(model);
  for_each_record(model, rrtype::CNAME, [&](const Zone& zone, const Record& record) {
    const NameId target = std::get<NameData>(record.rdata).target.name;
    const Record* next = alias_record(model, target, &zone);
    if (next == nullptr || loops.leads_to_loop(record.owner, zone)) return;
    OpenFinding& finding = reporter.report(
        zone, record,
        fmt::format("CNAME target {} is itself an alias ({}); point {} at the canonical name",
                    model.name(target), describe_alias(model, *next), model.name(record.owner)));
    reporter.relate(finding, next->location, fmt::format("{} defined here", type_name(next->type)));
  });
}

}  // namespace

Rule cname_chain_rule() {
  return {"cname-chain",
          "a CNAME whose target is itself an alias",
          Severity::warning,
          "RFC 1034 §5.2.2",
          {},
          check};
}

}  // namespace dnslint
