#include "formats/terraform/hcl_json.hpp"

#include <fmt/format.h>

#include <array>
#include <utility>

#include "formats/line_index.hpp"
#include "formats/terraform/hcl_parser.hpp"

namespace dnslint::hcl {
namespace {

// Terraform's top-level block types and how many labels each takes.
constexpr std::array<std::pair<std::string_view, int>, 12> kBlockLabels{{
    {"check", 1},
    {"data", 2},
    {"import", 0},
    {"locals", 0},
    {"module", 1},
    {"moved", 0},
    {"output", 1},
    {"provider", 1},
    {"removed", 0},
    {"resource", 2},
    {"terraform", 0},
    {"variable", 1},
}};

int labels_of(std::string_view type) {
  for (const auto& [name, labels] : kBlockLabels) {
    if (name == type) return labels;
  }
  return 0;
}

bool has_sequence(std::string_view text) {
  return text.find("${") != std::string_view::npos || text.find("%{") != std::string_view::npos;
}

class JsonReader {
 public:
  JsonReader(const DocumentTree& document, std::string_view content, SyntaxTree& tree)
      : document_(document), content_(content), tree_(tree), lines_(content) {}

  Body top_level(NodeId root) {
    Body body;
    body.from_json = true;
    body.range = range(root);
    for (const auto& [key, value] : document_.entries(root)) {
      const std::string& type = document_[key].text;
      if (type == "//") continue;
      collect_blocks(type, {}, {}, range(key), value, labels_of(type), body.blocks);
    }
    return body;
  }

  // A body whose properties are attributes only (variable values).
  Body values(NodeId root) {
    Body body;
    body.from_json = true;
    body.range = range(root);
    for (const auto& [key, value] : document_.entries(root)) {
      body.attributes.push_back({document_[key].text, expression(value, true), range(key),
                                 span(range(key), range(value))});
    }
    return body;
  }

 private:
  Range range(NodeId id) const {
    const SourceLocation& at = document_[id].location;
    return {position(at.line, at.column), position(at.end_line, at.end_column)};
  }
  Position position(std::uint32_t line, std::uint32_t column) const {
    return {line, column, static_cast<std::uint32_t>(lines_.offset(line, column))};
  }

  // Blocks of `type` from a property's value: objects, or arrays of objects, at every label
  // level (HCL JSON allows both).
  void collect_blocks(const std::string& type, std::vector<std::string> labels,
                      std::vector<Range> label_ranges, const Range& type_range, NodeId value,
                      int labels_left, std::vector<Block>& out) {
    std::vector<NodeId> objects;
    if (document_.is_mapping(value)) {
      objects.push_back(value);
    } else if (document_.is_sequence(value)) {
      for (NodeId item : document_[value].children) {
        if (document_.is_mapping(item)) objects.push_back(item);
      }
    }
    for (NodeId object : objects) {
      if (labels_left == 0) {
        Block block;
        block.type = type;
        block.labels = labels;
        block.label_ranges = label_ranges;
        block.type_range = type_range;
        block.range = range(object);
        block.body = body(object, type == "variable");
        out.push_back(std::move(block));
        continue;
      }
      for (const auto& [key, inner] : document_.entries(object)) {
        if (document_[key].text == "//") continue;
        std::vector<std::string> more_labels = labels;
        more_labels.push_back(document_[key].text);
        std::vector<Range> more_ranges = label_ranges;
        more_ranges.push_back(range(key));
        collect_blocks(type, std::move(more_labels), std::move(more_ranges), type_range, inner,
                       labels_left - 1, out);
      }
    }
  }

  // An object as a block body: every property an attribute, and an object-valued one also a
  // nested block. `variable`: its default is a literal value, its type an expression in a string.
  Body body(NodeId object, bool variable) {
    Body result;
    const Nesting nesting(depth_);
    if (depth_ > kMaxNesting) return result;
    result.from_json = true;
    result.range = range(object);
    for (const auto& [key, value] : document_.entries(object)) {
      const std::string& name = document_[key].text;
      if (name == "//") continue;
      ExprId expression_id = kNoExpr;
      if (variable && name == "default") {
        expression_id = expression(value, true);
      } else if (variable && name == "type" && document_[value].kind == TreeNode::Kind::string) {
        expression_id = type_expression(value);
      } else {
        expression_id = expression(value, false);
      }
      result.attributes.push_back(
          {name, expression_id, range(key), span(range(key), range(value))});
      if (name == "dynamic") {
        collect_blocks(name, {}, {}, range(key), value, 1, result.blocks);
      } else {
        collect_blocks(name, {}, {}, range(key), value, 0, result.blocks);
      }
    }
    return result;
  }

  ExprId add(ExpressionNode node, const Range& at) { return tree_.add({std::move(node), at}); }

  ExprId expression(NodeId id, bool literal) {
    const TreeNode& node = document_[id];
    const Range at = range(id);
    // The JSON reader has its own nesting limit; this one bounds the recursion here.
    const Nesting nesting(depth_);
    if (depth_ > kMaxNesting) {
      if (!too_deep_reported_) {
        tree_.errors.push_back(
            {at, fmt::format("JSON nested more than {} levels deep", kMaxNesting)});
        too_deep_reported_ = true;
      }
      return add(Invalid{}, at);
    }
    switch (node.kind) {
      case TreeNode::Kind::null:
        return add(Literal{Literal::Kind::null, {}}, at);
      case TreeNode::Kind::boolean:
        return add(Literal{Literal::Kind::boolean, node.text}, at);
      case TreeNode::Kind::number:
        return add(Literal{Literal::Kind::number, node.text}, at);
      case TreeNode::Kind::string:
        if (literal || !has_sequence(node.text)) {
          return add(Literal{Literal::Kind::string, node.text}, at);
        }
        return template_expression(id);
      case TreeNode::Kind::sequence: {
        TupleCons tuple;
        for (NodeId item : node.children) tuple.items.push_back(expression(item, literal));
        return add(std::move(tuple), at);
      }
      case TreeNode::Kind::mapping: {
        ObjectCons object;
        for (const auto& [key, value] : document_.entries(id)) {
          const TreeNode& key_node = document_[key];
          const ExprId key_expression =
              !literal && has_sequence(key_node.text)
                  ? template_expression(key)
                  : add(Literal{Literal::Kind::string, key_node.text}, range(key));
          object.items.push_back({key_expression, expression(value, literal), true});
        }
        return add(std::move(object), at);
      }
    }
    return add(Invalid{}, at);
  }

  // A JSON string holding a type constraint ("list(string)").
  ExprId type_expression(NodeId id) {
    return reparse(id, [&](std::string_view text, const Position& origin) {
      return parse_expression(text, origin, tree_);
    });
  }

  ExprId template_expression(NodeId id) {
    return reparse(id, [&](std::string_view text, const Position& origin) {
      return parse_template(text, origin, tree_);
    });
  }

  // Parses a string's decoded text, then moves the positions of what that made (and of its
  // errors) back onto the JSON text, where escapes take more bytes than the characters they
  // stand for.
  template <typename Parse>
  ExprId reparse(NodeId id, const Parse& parse) {
    const TreeNode& node = document_[id];
    const Range whole = range(id);
    const Position origin{whole.start.line, whole.start.column + 1, whole.start.byte + 1};
    const std::size_t first_expression = tree_.size();
    const std::size_t first_error = tree_.errors.size();
    const ExprId result = parse(node.text, origin);
    const std::vector<std::uint32_t> raw = raw_offsets(whole.start.byte + 1, node.text.size());
    auto move = [&](Position& at) {
      const std::size_t decoded = std::min<std::size_t>(at.byte - origin.byte, raw.size() - 1);
      at = {origin.line, origin.column + raw[decoded], origin.byte + raw[decoded]};
    };
    for (std::size_t i = first_expression; i < tree_.size(); ++i) {
      move(tree_[static_cast<ExprId>(i)].range.start);
      move(tree_[static_cast<ExprId>(i)].range.end);
      if (auto* call = std::get_if<FunctionCall>(&tree_[static_cast<ExprId>(i)].node)) {
        move(call->name_range.start);
        move(call->name_range.end);
      }
    }
    for (std::size_t i = first_error; i < tree_.errors.size(); ++i) {
      move(tree_.errors[i].range.start);
      move(tree_.errors[i].range.end);
    }
    // The string, quotes included, as a native template's range includes them.
    tree_[result].range = whole;
    return result;
  }

  // For each byte of a JSON string's decoded text (and its end), the offset of the raw text
  // that made it, counted from `start` (just after the opening quote).
  std::vector<std::uint32_t> raw_offsets(std::size_t start, std::size_t decoded_size) const {
    std::vector<std::uint32_t> offsets;
    offsets.reserve(decoded_size + 1);
    std::size_t i = start;
    while (i < content_.size() && content_[i] != '"' && offsets.size() < decoded_size) {
      const auto raw = static_cast<std::uint32_t>(i - start);
      if (content_[i] != '\\') {
        offsets.push_back(raw);
        ++i;
        continue;
      }
      std::size_t produced = 1;
      std::size_t consumed = 2;
      if (i + 1 < content_.size() && content_[i + 1] == 'u') {
        unsigned code = 0;
        for (std::size_t k = 2; k < 6 && i + k < content_.size(); ++k) {
          code = code * 16 +
                 static_cast<unsigned>(
                     std::isdigit(static_cast<unsigned char>(content_[i + k]))
                         ? content_[i + k] - '0'
                         : (std::tolower(static_cast<unsigned char>(content_[i + k])) - 'a' + 10));
        }
        consumed = 6;
        if (code >= 0xd800 && code <= 0xdbff) {
          consumed = 12;  // a surrogate pair: one code point of four bytes
          produced = 4;
        } else {
          produced = code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
        }
      }
      for (std::size_t k = 0; k < produced; ++k) offsets.push_back(raw);
      i += consumed;
    }
    while (offsets.size() < decoded_size) offsets.push_back(static_cast<std::uint32_t>(i - start));
    offsets.push_back(static_cast<std::uint32_t>(i - start));
    return offsets;
  }

  // Counts the levels the reader is inside, for as long as it lives.
  struct Nesting {
    explicit Nesting(unsigned& depth) : depth_(depth) { ++depth_; }
    ~Nesting() { --depth_; }
    unsigned& depth_;
  };

  const DocumentTree& document_;
  std::string_view content_;
  SyntaxTree& tree_;
  LineIndex lines_;
  unsigned depth_ = 0;
  bool too_deep_reported_ = false;
};

}  // namespace

SyntaxTree read_json_syntax(const ParsedDocument& document, std::string_view content,
                            JsonContent kind) {
  SyntaxTree tree;
  const DocumentTree& nodes = document.tree;
  if (nodes.roots.empty()) return tree;
  const NodeId root = nodes.roots.front();
  tree.file = nodes[root].location.file;
  if (!nodes.is_mapping(root)) {
    tree.errors.push_back({{{nodes[root].location.line, nodes[root].location.column, 0},
                            {nodes[root].location.line, nodes[root].location.column + 1, 0}},
                           "the file must hold a JSON object"});
    return tree;
  }
  JsonReader reader(nodes, content, tree);
  tree.body = kind == JsonContent::configuration ? reader.top_level(root) : reader.values(root);
  return tree;
}

}  // namespace dnslint::hcl
