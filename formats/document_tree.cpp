#include "formats/document_tree.hpp"

namespace dnslint {
namespace {

// Merge keys may point at mappings that merge others; both the depth and the total work are
// bounded so that a hostile document cannot make a lookup explode.
constexpr unsigned kMaxMergeDepth = 16;
constexpr std::size_t kMaxMergedEntries = 100'000;

}  // namespace

NodeId DocumentTree::add(TreeNode node) {
  nodes_.push_back(std::move(node));
  return static_cast<NodeId>(nodes_.size() - 1);
}

bool DocumentTree::is_mapping(NodeId id) const {
  return id != kNoNode && nodes_[id].kind == TreeNode::Kind::mapping;
}

bool DocumentTree::is_sequence(NodeId id) const {
  return id != kNoNode && nodes_[id].kind == TreeNode::Kind::sequence;
}

bool DocumentTree::is_scalar(NodeId id) const {
  return id != kNoNode && !is_mapping(id) && !is_sequence(id) &&
         nodes_[id].kind != TreeNode::Kind::null;
}

void DocumentTree::collect_entries(NodeId mapping, std::vector<std::pair<NodeId, NodeId>>& out,
                                   unsigned depth) const {
  const auto& children = nodes_[mapping].children;
  std::vector<NodeId> merged;
  for (std::size_t i = 0; i + 1 < children.size(); i += 2) {
    const TreeNode& key = nodes_[children[i]];
    if (key.kind == TreeNode::Kind::string && key.plain && key.text == "<<" && key.tag.empty()) {
      for (NodeId source : items(children[i + 1])) merged.push_back(source);
      continue;
    }
    if (out.size() >= kMaxMergedEntries) return;
    out.emplace_back(children[i], children[i + 1]);
  }
  if (depth >= kMaxMergeDepth) return;
  for (NodeId source : merged) {
    if (is_mapping(source)) collect_entries(source, out, depth + 1);
  }
}

std::vector<std::pair<NodeId, NodeId>> DocumentTree::entries(NodeId mapping) const {
  std::vector<std::pair<NodeId, NodeId>> out;
  if (is_mapping(mapping)) collect_entries(mapping, out, 0);
  return out;
}

NodeId DocumentTree::get(NodeId mapping, std::string_view key) const {
  if (!is_mapping(mapping)) return kNoNode;
  // The common case, no merge keys, without building the entry list.
  const auto& children = nodes_[mapping].children;
  bool has_merge = false;
  for (std::size_t i = 0; i + 1 < children.size(); i += 2) {
    const TreeNode& k = nodes_[children[i]];
    if (k.kind == TreeNode::Kind::mapping || k.kind == TreeNode::Kind::sequence) continue;
    if (k.text == key) return children[i + 1];
    if (k.text == "<<" && k.plain) has_merge = true;
  }
  if (!has_merge) return kNoNode;
  for (const auto& [k, v] : entries(mapping)) {
    if (is_scalar(k) && nodes_[k].text == key) return v;
  }
  return kNoNode;
}

std::optional<std::string> DocumentTree::scalar(NodeId mapping, std::string_view key) const {
  const NodeId value = get(mapping, key);
  if (!is_scalar(value)) return std::nullopt;
  return nodes_[value].text;
}

std::vector<NodeId> DocumentTree::items(NodeId node) const {
  if (node == kNoNode) return {};
  if (is_sequence(node)) return nodes_[node].children;
  return {node};
}

}  // namespace dnslint
