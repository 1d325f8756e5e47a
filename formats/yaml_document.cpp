// parse_yaml: yaml-cpp's event parser feeding a DocumentTree. Events (rather than YAML::Node)
// keep duplicate keys, exact marks and custom tags, and let aliases share the anchored node.
#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <map>
#include <sstream>

#include "formats/document_tree.hpp"

namespace dnslint {
namespace {

bool is_core_tag(std::string_view tag) {
  return tag.empty() || tag == "?" || tag == "!" || tag.starts_with("tag:yaml.org,2002:");
}

// YAML 1.2 core schema scalars, as a plain (unquoted) scalar resolves them.
TreeNode::Kind plain_scalar_kind(std::string_view text) {
  if (text == "true" || text == "false" || text == "True" || text == "False" || text == "TRUE" ||
      text == "FALSE") {
    return TreeNode::Kind::boolean;
  }
  std::string_view digits = text;
  if (!digits.empty() && (digits[0] == '-' || digits[0] == '+')) digits.remove_prefix(1);
  if (!digits.empty() &&
      std::all_of(
          digits.begin(), digits.end(),
          [](char c) { return (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E'; }) &&
      digits[0] >= '0' && digits[0] <= '9') {
    return TreeNode::Kind::number;
  }
  return TreeNode::Kind::string;
}

class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(std::string_view content, FileId file, const DocumentLimits& limits,
              ParsedDocument& out)
      : content_(content), file_(file), limits_(limits), out_(out) {}

  void OnDocumentStart(const YAML::Mark&) override { anchors_.clear(); }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    check_progress(mark);
    TreeNode node;
    node.kind = TreeNode::Kind::null;
    node.location = point(mark, 0);
    attach(out_.tree.add(std::move(node)), anchor);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    check_progress(mark);
    const auto found = anchors_.find(anchor);
    if (found != anchors_.end()) attach(found->second, YAML::NullAnchor);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    check_progress(mark);
    TreeNode node;
    node.plain = tag == "?";
    node.kind = node.plain ? plain_scalar_kind(value) : TreeNode::Kind::string;
    if (!is_core_tag(tag)) node.tag = tag;
    node.text = value;
    node.location = point(mark, scalar_length(mark, value));
    attach(out_.tree.add(std::move(node)), anchor);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(TreeNode::Kind::sequence, mark, tag, anchor);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(TreeNode::Kind::mapping, mark, tag, anchor);
  }
  void OnMapEnd() override {
    find_duplicate_keys(open_.back());
    close();
  }

 private:
  SourceLocation point(const YAML::Mark& mark, std::size_t length) const {
    const auto line = static_cast<std::uint32_t>(mark.line + 1);
    const auto column = static_cast<std::uint32_t>(mark.column + 1);
    return {file_, line, column, line, static_cast<std::uint32_t>(column + length)};
  }

  // yaml-cpp marks only the start of a scalar; its extent on that line comes from the text.
  std::size_t scalar_length(const YAML::Mark& mark, const std::string& value) const {
    if (mark.pos < 0 || static_cast<std::size_t>(mark.pos) >= content_.size()) return 0;
    const std::string_view rest = content_.substr(static_cast<std::size_t>(mark.pos));
    const std::size_t line_end = std::min(rest.find('\n'), rest.size());
    const char first = rest[0];
    if (first == '"' || first == '\'') {
      for (std::size_t i = 1; i < line_end; ++i) {
        if (first == '"' && rest[i] == '\\') {
          ++i;
        } else if (rest[i] == first) {
          if (first == '\'' && i + 1 < line_end && rest[i + 1] == '\'') {
            ++i;
            continue;
          }
          return i + 1;
        }
      }
      return line_end;
    }
    if (rest.substr(0, line_end).starts_with(value)) return value.size();
    return line_end;
  }

  // yaml-cpp 0.7 can loop forever on some unterminated flow collections, emitting null after
  // null without reading on. A document holds at most a few nodes per input byte (an implicit
  // null needs at least an indicator): past that the parser is stuck, and the input is bad.
  void check_progress(const YAML::Mark& mark) {
    if (out_.tree.size() > 4 * content_.size() + 64) {
      throw YAML::ParserException(mark, "the YAML parser makes no progress here");
    }
  }

  void attach(NodeId id, YAML::anchor_t anchor) {
    if (anchor != YAML::NullAnchor) anchors_[anchor] = id;
    if (open_.empty()) {
      out_.tree.roots.push_back(id);
    } else {
      out_.tree[open_.back()].children.push_back(id);
    }
  }

  void open(TreeNode::Kind kind, const YAML::Mark& mark, const std::string& tag,
            YAML::anchor_t anchor) {
    check_progress(mark);
    if (open_.size() >= limits_.max_depth) {
      throw YAML::ParserException(
          mark, fmt::format("YAML nested deeper than {} levels", limits_.max_depth));
    }
    TreeNode node;
    node.kind = kind;
    if (!is_core_tag(tag)) node.tag = tag;
    node.location = point(mark, 1);
    const NodeId id = out_.tree.add(std::move(node));
    attach(id, anchor);
    open_.push_back(id);
  }

  // yaml-cpp marks no ends: a collection ends where its last item does.
  void close() {
    TreeNode& node = out_.tree[open_.back()];
    if (!node.children.empty()) {
      const SourceLocation last = out_.tree[node.children.back()].location;
      if (last.end_line > node.location.end_line ||
          (last.end_line == node.location.end_line && last.end_column > node.location.end_column)) {
        node.location.end_line = last.end_line;
        node.location.end_column = last.end_column;
      }
    }
    open_.pop_back();
  }

  void find_duplicate_keys(NodeId mapping) {
    const auto& children = out_.tree[mapping].children;
    std::map<std::string_view, NodeId> seen;
    for (std::size_t i = 0; i < children.size(); i += 2) {
      const TreeNode& key = out_.tree[children[i]];
      if (!out_.tree.is_scalar(children[i]) || (key.plain && key.text == "<<")) continue;
      const auto [at, inserted] = seen.emplace(key.text, children[i]);
      if (!inserted) out_.duplicate_keys.emplace_back(at->second, children[i]);
    }
  }

  std::string_view content_;
  FileId file_;
  DocumentLimits limits_;
  ParsedDocument& out_;
  std::vector<NodeId> open_;
  std::map<YAML::anchor_t, NodeId> anchors_;
};

}  // namespace

ParsedDocument parse_yaml(std::string_view content, FileId file, const DocumentLimits& limits) {
  ParsedDocument out;
  std::istringstream stream{std::string(content)};
  TreeBuilder builder(content, file, limits, out);
  try {
    YAML::Parser parser(stream);
    while (parser.HandleNextDocument(builder)) {
    }
  } catch (const YAML::Exception& e) {
    out.error = DocumentError{static_cast<std::uint32_t>(std::max(0, e.mark.line) + 1),
                              static_cast<std::uint32_t>(std::max(0, e.mark.column) + 1),
                              fmt::format("invalid YAML: {}", e.msg)};
  }
  return out;
}

}  // namespace dnslint
