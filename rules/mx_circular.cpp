// mx-circular: following an MX exchange (through CNAME and DNAME aliases, and through the MX
// of an exchange that has no address of its own) must end at a host. When the way leads back
// to the owner and no other exchange of the owner leads anywhere else, mail for it never
// reaches a host. A backup exchange that does reach one takes the mail (RFC 5321 §5.1: a
// sender skips an exchange without an address and tries the next), so then there is no loop
// to report (mx-target-cname still reports the alias).
//
// The names form a graph: an alias points to its target, and a name without addresses points
// to its MX exchanges. Tarjan's algorithm finds the strongly connected components of every
// owner in linear time, and in an order where a component comes after every component it
// leads to, so whether a component reaches a host (a name with an address, or one outside the
// loaded zones, which may be one) is known for each as it is made.
#include <fmt/format.h>

#include <deque>

#include "model/id_map.hpp"
#include "rules/common.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

struct Edge {
  NameId to;
  const Record* via;
};

class MailGraph {
 public:
  explicit MailGraph(const Model& model) : model_(model) {}

  // The edges out of `name`; the reference stays valid while the graph lives.
  const std::vector<Edge>& edges(NameId name) {
    const std::uint32_t slot = lookup(name);
    return slot == kHost || slot == kDeadEnd ? no_edges_ : edges_[slot];
  }

  // True for a name without edges where mail can end: a host, or a name the loaded zones do
  // not hold (it may be one). An in-zone name without an address, alias or MX is a dead end,
  // where the loaded files define the whole zone.
  bool ends_at_host(NameId name) { return lookup(name) == kHost; }

 private:
  std::uint32_t lookup(NameId name) {
    bool inserted = false;
    std::uint32_t& slot = index_.try_emplace(name, inserted);
    if (inserted) {
      bool host = false;
      std::vector<Edge> out = compute_edges(name, host);
      // Most names asked about are hosts, with no edges: they share one empty list.
      slot = !out.empty() ? static_cast<std::uint32_t>(edges_.size()) : host ? kHost : kDeadEnd;
      if (!out.empty()) edges_.push_back(std::move(out));
    }
    return slot;
  }

  std::vector<Edge> compute_edges(NameId name, bool& host) const {
    const Zone* zone = model_.zone_for(name);
    if (zone == nullptr || zone->delegation_at_or_above(model_.names, name) != kNoName) {
      host = true;  // elsewhere: not known here, so it may well be a host
      return {};
    }
    if (const Record* dname = dname_above(model_, *zone, name)) {
      if (auto target = substitute_dname(model_, name, *dname)) return {{*target, dname}};
      return {};
    }
    std::vector<Edge> mx_edges;
    for (std::uint32_t index : find_answer(model_, *zone, name).records) {
      const Record& record = zone->records[index];
      // A record whose value is not known may be what makes a host: not judged.
      if (record.unknown_value()) host = true;
      if (record.type == rrtype::CNAME)
        return {{std::get<NameData>(record.rdata).target.name, &record}};
      if (record.type == rrtype::A || record.type == rrtype::AAAA) {
        host = true;
        return {};
      }
      if (record.type == rrtype::MX && !is_null_mx(model_, std::get<MxData>(record.rdata))) {
        mx_edges.push_back({std::get<MxData>(record.rdata).exchange.name, &record});
      }
    }
    // Where the loaded files hold only part of the zone, the rest may give the name an
    // address: only an alias (which excludes every other record) is certain.
    if (host || !zone->complete) {
      host = true;
      return {};
    }
    return mx_edges;
  }

  static constexpr std::uint32_t kHost = 0xffffffffu;
  static constexpr std::uint32_t kDeadEnd = 0xfffffffeu;
  const Model& model_;
  const std::vector<Edge> no_edges_;
  IdMap<std::uint32_t> index_;           // name -> its edges in edges_, or kHost or kDeadEnd
  std::deque<std::vector<Edge>> edges_;  // a deque, so that references survive growth
};

// The strongly connected components of the names reachable from some roots, and whether each
// leads to a host.
struct Components {
  IdMap<std::uint32_t> of;         // name -> component
  std::vector<bool> reaches_host;  // by component
};

// Iterative Tarjan: the component of every name reachable from the roots. A component is made
// after every component its edges lead into, so whether it reaches a host is known from them.
Components components(MailGraph& graph, const std::vector<NameId>& roots) {
  IdMap<std::uint32_t> index;
  IdMap<std::uint32_t> low;
  Components result;
  IdMap<std::uint32_t>& component = result.of;
  std::vector<NameId> stack;
  IdMap<bool> on_stack;
  std::uint32_t next_index = 0;
  std::uint32_t next_component = 0;
  struct Frame {
    NameId name;
    std::size_t edge;
  };
  for (NameId root : roots) {
    if (index.contains(root)) continue;
    std::vector<Frame> frames{{root, 0}};
    index[root] = low[root] = next_index++;
    stack.push_back(root);
    on_stack[root] = true;
    while (!frames.empty()) {
      Frame& frame = frames.back();
      const auto& out = graph.edges(frame.name);
      if (frame.edge < out.size()) {
        const NameId next = out[frame.edge++].to;
        if (!index.contains(next)) {
          index[next] = low[next] = next_index++;
          stack.push_back(next);
          on_stack[next] = true;
          frames.push_back({next, 0});
        } else if (on_stack[next]) {
          low[frame.name] = std::min(low[frame.name], index[next]);
        }
        continue;
      }
      const NameId done = frame.name;
      frames.pop_back();
      if (!frames.empty()) low[frames.back().name] = std::min(low[frames.back().name], low[done]);
      if (low[done] == index[done]) {
        std::vector<NameId> members;
        NameId member;
        do {
          member = stack.back();
          stack.pop_back();
          on_stack[member] = false;
          component[member] = next_component;
          members.push_back(member);
        } while (member != done);
        bool reaches = false;
        for (NameId name : members) {
          if (graph.ends_at_host(name)) reaches = true;
          for (const Edge& edge : graph.edges(name)) {
            const std::uint32_t target = *component.find(edge.to);
            if (target != next_component && result.reaches_host[target]) reaches = true;
          }
        }
        result.reaches_host.push_back(reaches);
        ++next_component;
      }
    }
  }
  return result;
}

// The way from `from` back to `owner` inside one component, for the message; empty when it
// is longer than a message should hold.
std::vector<Edge> way_back(MailGraph& graph, NameId from, NameId owner,
                           const IdMap<std::uint32_t>& component) {
  constexpr std::size_t kLimit = 1000;
  const std::uint32_t target = *component.find(owner);
  IdMap<Edge> came_from;
  std::deque<NameId> queue{from};
  came_from.insert(from, Edge{kNoName, nullptr});
  while (!queue.empty() && came_from.size() < kLimit) {
    const NameId name = queue.front();
    queue.pop_front();
    if (name == owner) break;
    for (const Edge& edge : graph.edges(name)) {
      const std::uint32_t* in = component.find(edge.to);
      if (in == nullptr || *in != target || came_from.contains(edge.to)) continue;
      came_from.insert(edge.to, Edge{name, edge.via});
      queue.push_back(edge.to);
    }
  }
  std::vector<Edge> way;
  if (!came_from.contains(owner) || from == owner) return way;
  for (NameId at = owner; at != from; at = came_from.find(at)->to)
    way.push_back({at, came_from.find(at)->via});
  return {way.rbegin(), way.rend()};
}

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  MailGraph graph(model);
  // Only an owner without addresses can be on a loop: hosts (most MX owners) end every way.
  std::vector<NameId> owners;
  for_each_rrset(model, rrtype::MX, [&](const Zone&, NameId owner, std::span<const std::uint32_t>) {
    if (!graph.edges(owner).empty()) owners.push_back(owner);
  });
  const Components found = components(graph, owners);
  const IdMap<std::uint32_t>& component = found.of;
  for_each_rrset(
      model, rrtype::MX, [&](const Zone& zone, NameId owner, std::span<const std::uint32_t> set) {
        // An owner with an address of its own is a host: a way back to it delivers mail there.
        if (model.zone_for(owner, &zone) != &zone || graph.edges(owner).empty()) return;
        // Some exchange of the owner leads to a host: mail arrives there.
        if (found.reaches_host[*component.find(owner)]) return;
        for (std::uint32_t index : set) {
          const Record& record = zone.records[index];
          const auto& mx = std::get<MxData>(record.rdata);
          if (is_null_mx(model, mx)) continue;
          const std::uint32_t* exchange = component.find(mx.exchange.name);
          if (exchange == nullptr || *exchange != *component.find(owner)) continue;
          const std::vector<Edge> way = way_back(graph, mx.exchange.name, owner, component);
          std::string path =
              fmt::format("{} MX {}", model.name(owner), model.name(mx.exchange.name));
          for (const Edge& step : way)
            path += fmt::format(" {} {}", type_name(step.via->type), model.name(step.to));
          OpenFinding& finding = reporter.report(
              zone, record,
              fmt::format("mail for {} never reaches a host: {}", model.name(owner), path));
          for (const Edge& step : way) {
            reporter.relate(finding, step.via->location,
                            fmt::format("{} in the loop", type_name(step.via->type)));
          }
        }
      });
}

}  // namespace

Rule mx_circular_rule() {
  return {"mx-circular",
          "following MX exchanges and aliases comes back to the owner",
          Severity::error,
          "RFC 5321 §5.1, RFC 1034 §3.6.2",
          {},
          check};
}

}  // namespace dnslint
