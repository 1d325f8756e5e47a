// parse_json: RapidJSON's SAX reader (iterative, so deep nesting cannot exhaust the stack;
// numbers kept as written; UTF-8 validated) feeding a DocumentTree with byte positions.
#include <fmt/format.h>
#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

#include "formats/document_tree.hpp"
#include "formats/line_index.hpp"

namespace dnslint {
namespace {

// A stream over the content whose position the handler can read during a callback. RapidJSON
// parses strings and numbers on a local copy of streams it may copy
// (StreamTraits::copyOptimization), writing the position back only after the handler ran; this
// stream is never copied. It reads '\0' at the end, which RapidJSON takes for end of input, so
// the content needs no terminated copy.
class PositionStream {
 public:
  using Ch = char;
  explicit PositionStream(std::string_view text)
      : head_(text.data()), at_(text.data()), end_(text.data() + text.size()) {}
  Ch Peek() const { return at_ < end_ ? *at_ : '\0'; }
  Ch Take() { return at_ < end_ ? *at_++ : '\0'; }
  std::size_t Tell() const { return static_cast<std::size_t>(at_ - head_); }
  // Only in-situ parsing writes; this reader never does.
  Ch* PutBegin() { return nullptr; }
  void Put(Ch) {}
  void Flush() {}
  std::size_t PutEnd(Ch*) { return 0; }

 private:
  const char* head_;
  const char* at_;
  const char* end_;
};

class TreeBuilder {
 public:
  TreeBuilder(std::string_view content, const PositionStream& stream, FileId file,
              const DocumentLimits& limits, ParsedDocument& out)
      : content_(content), stream_(stream), file_(file), limits_(limits), out_(out) {}

  const LineIndex& lines() const { return lines_; }
  bool too_deep() const { return too_deep_; }

  bool Null() { return scalar(TreeNode::Kind::null, "null", 4); }
  bool Bool(bool b) { return scalar(TreeNode::Kind::boolean, b ? "true" : "false", b ? 4 : 5); }
  // kParseNumbersAsStringsFlag routes every number through RawNumber; these stay for the
  // handler concept.
  bool Int(int) { return false; }
  bool Uint(unsigned) { return false; }
  bool Int64(std::int64_t) { return false; }
  bool Uint64(std::uint64_t) { return false; }
  bool Double(double) { return false; }
  bool RawNumber(const char* text, rapidjson::SizeType length, bool) {
    return scalar(TreeNode::Kind::number, std::string(text, length), length);
  }
  bool String(const char* text, rapidjson::SizeType length, bool) {
    return scalar(TreeNode::Kind::string, std::string(text, length), string_length());
  }
  bool Key(const char* text, rapidjson::SizeType length, bool copy) {
    return String(text, length, copy);
  }
  bool StartObject() { return open(TreeNode::Kind::mapping); }
  bool EndObject(rapidjson::SizeType) { return close(); }
  bool StartArray() { return open(TreeNode::Kind::sequence); }
  bool EndArray(rapidjson::SizeType) { return close(); }

 private:
  // The stream stands just after the closing quote: walk back to the opening one, the first
  // quote not escaped by an odd number of backslashes.
  std::size_t string_length() const {
    const std::size_t end = stream_.Tell();
    std::size_t i = end - 1;
    while (i > 0) {
      --i;
      if (content_[i] != '"') continue;
      std::size_t backslashes = 0;
      while (backslashes < i && content_[i - 1 - backslashes] == '\\') ++backslashes;
      if (backslashes % 2 == 0) break;
    }
    return end - i;
  }

  SourceLocation span(std::size_t begin, std::size_t end) const {
    const auto [line, column] = lines_.position(begin);
    const auto [end_line, end_column] = lines_.position(end);
    return {file_, line, column, end_line, end_column};
  }

  void attach(NodeId id) {
    if (open_.empty()) {
      out_.tree.roots.push_back(id);
    } else {
      out_.tree[open_.back()].children.push_back(id);
    }
  }

  bool scalar(TreeNode::Kind kind, std::string text, std::size_t length) {
    const std::size_t end = stream_.Tell();
    TreeNode node;
    node.kind = kind;
    node.text = std::move(text);
    node.location = span(end - length, end);
    attach(out_.tree.add(std::move(node)));
    return true;
  }

  bool open(TreeNode::Kind kind) {
    if (open_.size() >= limits_.max_depth) {
      too_deep_ = true;
      return false;
    }
    // The iterative parser calls StartObject/StartArray with the bracket still ahead.
    const std::size_t begin = stream_.Tell();
    TreeNode node;
    node.kind = kind;
    node.location = span(begin, begin + 1);
    const NodeId id = out_.tree.add(std::move(node));
    attach(id);
    open_.push_back(id);
    return true;
  }

  bool close() {
    // ... and EndObject/EndArray likewise: the end is just after the bracket.
    const auto [line, column] = lines_.position(stream_.Tell() + 1);
    SourceLocation& location = out_.tree[open_.back()].location;
    location.end_line = line;
    location.end_column = column;
    open_.pop_back();
    return true;
  }

  std::string_view content_;
  const PositionStream& stream_;
  FileId file_;
  DocumentLimits limits_;
  ParsedDocument& out_;
  LineIndex lines_{content_};
  std::vector<NodeId> open_;
  bool too_deep_ = false;
};

}  // namespace

ParsedDocument parse_json(std::string_view content, FileId file, const DocumentLimits& limits) {
  ParsedDocument out;
  PositionStream stream(content);
  TreeBuilder builder(content, stream, file, limits, out);
  rapidjson::Reader reader;
  constexpr unsigned kFlags = rapidjson::kParseIterativeFlag |
                              rapidjson::kParseNumbersAsStringsFlag |
                              rapidjson::kParseValidateEncodingFlag;
  rapidjson::ParseResult result = reader.Parse<kFlags>(stream, builder);
  // RapidJSON takes a NUL byte for the end of its input: anything after one must not be
  // ignored silently.
  if (result && stream.Tell() < content.size()) {
    result.Set(rapidjson::kParseErrorDocumentRootNotSingular, stream.Tell());
  }
  if (!result) {
    const auto [line, column] = builder.lines().position(result.Offset());
    std::string message =
        builder.too_deep()
            ? fmt::format("JSON nested deeper than {} levels", limits.max_depth)
            : fmt::format("invalid JSON: {}", rapidjson::GetParseError_En(result.Code()));
    if (!builder.too_deep() && result.Offset() < content.size() && content[result.Offset()] == '\0')
      message = "invalid JSON: NUL byte";
    out.error = DocumentError{line, column, std::move(message)};
  }
  return out;
}

}  // namespace dnslint
