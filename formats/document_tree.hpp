// A parsed JSON or YAML document as the IaC readers need it: every node keeps its position,
// mappings keep every key in order (duplicates included: HCL JSON gives them meaning, and YAML
// duplicates must be reported, not silently dropped), and YAML tags such as !Ref survive.
// YAML aliases share the anchored node instead of copying it, so an alias bomb costs nothing
// until a reader walks it, and readers only walk the shapes they expect.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/location.hpp"

namespace dnslint {

using NodeId = std::uint32_t;
inline constexpr NodeId kNoNode = 0xffffffffu;

struct TreeNode {
  enum class Kind : std::uint8_t { null, boolean, number, string, sequence, mapping };
  Kind kind = Kind::null;
  bool plain = true;  // YAML: an unquoted scalar (a quoted "10" is a string, not a number)
  std::string text;   // scalar text; "true"/"false" for booleans; a number as written
  std::string tag;    // a YAML tag other than the core ones ("!Ref"), else empty
  SourceLocation location;
  // Sequence: the items. Mapping: key and value ids, alternating, in document order.
  std::vector<NodeId> children;
};

class DocumentTree {
 public:
  NodeId add(TreeNode node);
  const TreeNode& operator[](NodeId id) const { return nodes_[id]; }
  TreeNode& operator[](NodeId id) { return nodes_[id]; }
  std::size_t size() const { return nodes_.size(); }
  std::vector<NodeId> roots;  // one per document (YAML streams may hold several)

  bool is_mapping(NodeId id) const;
  bool is_sequence(NodeId id) const;
  bool is_scalar(NodeId id) const;

  // Key-value pairs of a mapping in order, YAML merge keys (`<<`) expanded after the own keys
  // (YAML 1.1 merge: own keys win because lookups take the first match).
  std::vector<std::pair<NodeId, NodeId>> entries(NodeId mapping) const;
  // The value of the first entry whose key is `key`, or kNoNode.
  NodeId get(NodeId mapping, std::string_view key) const;
  // The text of a scalar value at `key`, or nullopt (absent, null, or not a scalar).
  std::optional<std::string> scalar(NodeId mapping, std::string_view key) const;
  // A sequence's items; a single non-sequence node as a one-item list; nothing for kNoNode.
  std::vector<NodeId> items(NodeId node) const;

 private:
  void collect_entries(NodeId mapping, std::vector<std::pair<NodeId, NodeId>>& out,
                       unsigned depth) const;
  std::deque<TreeNode> nodes_;  // stable, and growing never moves the nodes
};

// A document that could not be parsed: where and why.
struct DocumentError {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
  std::string message;
};

struct DocumentLimits {
  unsigned max_depth = 512;  // nesting of sequences and mappings
};

struct ParsedDocument {
  DocumentTree tree;
  std::optional<DocumentError> error;  // parsing stopped here; `tree` holds what came before
  // Same-key pairs in one mapping: (first key, repeated key). Legal in HCL JSON, an error in
  // YAML (YAML 1.2 §3.2.1.1: keys are unique).
  std::vector<std::pair<NodeId, NodeId>> duplicate_keys;
};

ParsedDocument parse_json(std::string_view content, FileId file, const DocumentLimits& limits = {});
ParsedDocument parse_yaml(std::string_view content, FileId file, const DocumentLimits& limits = {});

}  // namespace dnslint
