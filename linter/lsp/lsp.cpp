#include "linter/lsp/lsp.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <istream>
#include <map>
#include <ostream>
#include <set>
#include <thread>

#include "formats/document_tree.hpp"
#include "linter/cli/rule_docs.hpp"
#include "linter/cli/version.hpp"
#include "linter/config/config.hpp"
#include "linter/engine/engine.hpp"
#include "linter/fix/fix.hpp"
#include "linter/inputs/source_files.hpp"
#include "linter/lsp/lsp_messages.hpp"
#include "linter/reports/json_writer.hpp"

namespace dnslint {
namespace {

namespace fs = std::filesystem;

// JSON-RPC 2.0 error codes (LSP 3.17, "ResponseMessage").
constexpr int kParseError = -32700;
constexpr int kInvalidRequest = -32600;
constexpr int kMethodNotFound = -32601;
constexpr int kServerNotInitialized = -32002;
// A message larger than this is skipped (and logged): no DNS file of an editor comes near it.
constexpr std::size_t kMaxMessage = 256u << 20;

// LSP DiagnosticSeverity: 1 error, 2 warning, 3 information.
int diagnostic_severity(Severity severity) {
  switch (severity) {
    case Severity::error:
      return 1;
    case Severity::warning:
      return 2;
    case Severity::note:
      return 3;
  }
  return 3;
}

// The comment that starts a suppression in a file of this name, or empty (JSON has none).
std::string_view comment_marker(std::string_view path) {
  if (path.ends_with(".json")) return {};
  if (path.ends_with(".tf") || path.ends_with(".tfvars") || path.ends_with(".yaml") ||
      path.ends_with(".yml"))
    return "#";
  return ";";
}

struct Position {
  std::uint32_t line = 0;
  std::uint32_t character = 0;
};

struct Diagnostic {
  Position start;
  Position end;
  const Finding* finding;
};

class Server {
 public:
  Server(std::ostream& out, const CliOptions& options) : out_(out), options_(options) {}

  // Handles one message; false once the client said `exit`.
  bool handle(const std::string& body) {
    const ParsedDocument document = parse_json(body, 0);
    const DocumentTree& tree = document.tree;
    if (document.error || tree.roots.empty() || !tree.is_mapping(tree.roots.front())) {
      reply_error(std::nullopt, kParseError, "the message is not a JSON object");
      return true;
    }
    const NodeId root = tree.roots.front();
    const auto method = tree.scalar(root, "method");
    const NodeId id = tree.get(root, "id");
    const NodeId params = tree.get(root, "params");
    std::optional<std::string> id_json;
    if (id != kNoNode) {
      id_json = tree[id].kind == TreeNode::Kind::string ? json_quote(tree[id].text) : tree[id].text;
    }
    if (!method) {
      if (id_json) reply_error(id_json, kInvalidRequest, "a request needs a method");
      return true;  // a response to nothing we asked: ignored
    }
    if (*method == "exit") {
      exit_status_ = shut_down_ ? 0 : 1;
      return false;
    }
    if (!initialized_ && *method != "initialize") {
      if (id_json) reply_error(id_json, kServerNotInitialized, "initialize first");
      return true;
    }
    if (*method == "initialize") {
      // LSP 3.17: "the initialize request may only be sent once".
      if (initialized_) {
        reply_error(id_json, kInvalidRequest, "the server is initialized already");
        return true;
      }
      initialize(tree, params, id_json);
    } else if (*method == "initialized") {
      lint();
    } else if (*method == "shutdown") {
      shut_down_ = true;
      reply(id_json, "null");
    } else if (*method == "textDocument/didOpen") {
      const NodeId document_node = tree.get(params, "textDocument");
      if (auto path = document_path(tree, document_node)) {
        buffers_[*path] = tree.scalar(document_node, "text").value_or("");
        lint();
      }
    } else if (*method == "textDocument/didChange") {
      did_change(tree, params);
    } else if (*method == "textDocument/didClose") {
      if (auto path = document_path(tree, tree.get(params, "textDocument"))) {
        buffers_.erase(*path);
        lint();
      }
    } else if (*method == "textDocument/didSave" || *method == "workspace/didChangeWatchedFiles" ||
               *method == "workspace/didChangeConfiguration") {
      lint();  // the configuration is read again by every run
    } else if (*method == "textDocument/hover") {
      hover(tree, params, id_json);
    } else if (*method == "textDocument/codeAction") {
      code_action(tree, params, id_json);
    } else if (id_json) {
      reply_error(id_json, kMethodNotFound, fmt::format("no method {}", *method));
    }
    // Other notifications ($/cancelRequest, $/setTrace, ...) need no answer: every request is
    // answered before the next message is read, so there is nothing left to cancel.
    return true;
  }

  void log(std::string_view message) {
    JsonWriter json;
    json.begin_object().key("jsonrpc").value("2.0").key("method").value("window/logMessage");
    json.key("params").begin_object().key("type").value(1).key("message").value(message);
    json.end_object().end_object();
    write_message(out_, json.take_document());
  }

  int exit_status() const { return exit_status_; }

 private:
  void initialize(const DocumentTree& tree, NodeId params, const std::optional<std::string>& id) {
    initialized_ = true;
    // The workspace: the first folder, else rootUri, else rootPath, else the current directory.
    std::optional<std::string> root;
    const NodeId folders = tree.get(params, "workspaceFolders");
    if (folders != kNoNode && tree.is_sequence(folders) && !tree[folders].children.empty()) {
      if (auto uri = tree.scalar(tree[folders].children.front(), "uri")) root = path_of_uri(*uri);
    }
    if (!root) {
      if (auto uri = tree.scalar(params, "rootUri")) root = path_of_uri(*uri);
    }
    if (!root) root = tree.scalar(params, "rootPath");
    root_ = fs::absolute(root.value_or(fs::current_path().string())).lexically_normal();
    JsonWriter json;
    json.begin_object().key("capabilities").begin_object();
    json.key("textDocumentSync").begin_object();
    json.key("openClose").value(true).key("change").value(2);  // 2: incremental
    json.key("save").begin_object().key("includeText").value(false).end_object();
    json.end_object();
    json.key("hoverProvider").value(true);
    json.key("codeActionProvider").begin_object().key("codeActionKinds").begin_array();
    json.value("quickfix").end_array().end_object();
    json.end_object();
    json.key("serverInfo").begin_object().key("name").value("dnslint");
    json.key("version").value(kVersion).end_object();
    json.end_object();
    reply(id, json.take_document());
  }

  std::optional<std::string> document_path(const DocumentTree& tree, NodeId document) const {
    if (document == kNoNode) return std::nullopt;
    const auto uri = tree.scalar(document, "uri");
    if (!uri) return std::nullopt;
    auto path = path_of_uri(*uri);
    if (!path) return std::nullopt;
    return fs::absolute(*path).lexically_normal().string();
  }

  void did_change(const DocumentTree& tree, NodeId params) {
    const auto path = document_path(tree, tree.get(params, "textDocument"));
    if (!path) return;
    std::string& text = buffers_[*path];
    for (NodeId change : tree.items(tree.get(params, "contentChanges"))) {
      const auto replacement = tree.scalar(change, "text").value_or("");
      const NodeId range = tree.get(change, "range");
      if (range == kNoNode) {
        text = replacement;  // the whole document
        continue;
      }
      const auto [start, end] = offsets(tree, range, text);
      text.replace(start, end - start, replacement);
    }
    lint();
  }

  static std::uint32_t number(const DocumentTree& tree, NodeId mapping, std::string_view key) {
    const auto text = tree.scalar(mapping, key);
    if (!text) return 0;
    std::uint32_t value = 0;
    std::from_chars(text->data(), text->data() + text->size(), value);
    return value;
  }

  static std::pair<std::size_t, std::size_t> offsets(const DocumentTree& tree, NodeId range,
                                                     std::string_view text) {
    const NodeId start = tree.get(range, "start");
    const NodeId end = tree.get(range, "end");
    const std::size_t from =
        offset_of_position(text, number(tree, start, "line"), number(tree, start, "character"));
    const std::size_t to =
        offset_of_position(text, number(tree, end, "line"), number(tree, end, "character"));
    return {from, std::max(from, to)};
  }

  // Lints the workspace as the CLI would, with the open buffers for their files, and publishes
  // the diagnostics of every file that has or had findings.
  void lint() {
    CliOptions options = options_;
    options.request.paths = {root_.string()};
    options.request.path_root = root_;
    options.request.overlay.clear();
    for (const auto& [path, text] : buffers_)
      options.request.overlay.emplace(overlay_key(path), text);
    // The configuration is found from the workspace, as the CLI finds it from where it runs,
    // and read again by every run, so that an edit to it takes effect at once.
    if (!options.config_path) {
      if (auto found = find_config_upward(root_)) options.config_path = found->string();
    }
    try {
      configure(options);
      result_ = dnslint::lint(options.request);
    } catch (const std::exception& e) {
      log(fmt::format("dnslint: {}", e.what()));
      return;
    }
    diagnostics_.clear();
    fixes_.reset();
    uris_.clear();
    for (const std::string& file : result_.files)
      uris_.push_back(uri_of_path((root_ / file).lexically_normal().string()));
    SourceFiles sources(result_.files, result_.path_root, result_.unsaved_texts);
    for (const Finding& finding : result_.findings) {
      const fs::path path = (root_ / result_.files[finding.location.file]).lexically_normal();
      const auto& lines = sources.lines(finding.location.file);
      auto position = [&](std::uint32_t line, std::uint32_t column) {
        std::string_view text;
        if (line >= 1 && line <= lines.size()) text = lines[line - 1];
        return Position{line == 0 ? 0 : line - 1,
                        utf16_of_byte(text, column == 0 ? 0 : column - 1)};
      };
      diagnostics_[path.string()].push_back(
          {position(finding.location.line, finding.location.column),
           position(finding.location.end_line, finding.location.end_column), &finding});
    }
    std::set<std::string> now;
    for (const auto& [path, list] : diagnostics_) {
      publish(path, list);
      now.insert(path);
    }
    for (const std::string& path : published_) {
      if (!now.contains(path)) publish(path, {});
    }
    published_ = std::move(now);
  }

  void publish(const std::string& path, const std::vector<Diagnostic>& list) {
    JsonWriter json;
    json.begin_object().key("jsonrpc").value("2.0");
    json.key("method").value("textDocument/publishDiagnostics");
    json.key("params").begin_object().key("uri").value(uri_of_path(path));
    json.key("diagnostics").begin_array();
    for (const Diagnostic& diagnostic : list) write_diagnostic(json, diagnostic);
    json.end_array().end_object().end_object();
    write_message(out_, json.take_document());
  }

  void write_range(JsonWriter& json, Position start, Position end) const {
    json.key("range").begin_object();
    json.key("start").begin_object().key("line").value(start.line);
    json.key("character").value(start.character).end_object();
    json.key("end").begin_object().key("line").value(end.line);
    json.key("character").value(end.character).end_object();
    json.end_object();
  }

  void write_diagnostic(JsonWriter& json, const Diagnostic& diagnostic) const {
    const Finding& finding = *diagnostic.finding;
    json.begin_object();
    write_range(json, diagnostic.start, diagnostic.end);
    json.key("severity").value(diagnostic_severity(finding.severity));
    json.key("code").value(finding.rule);
    json.key("codeDescription").begin_object().key("href").value(rule_docs_uri(finding.rule));
    json.end_object();
    json.key("source").value("dnslint");
    json.key("message").value(std::string_view(finding.message));
    if (!finding.related.empty()) {
      json.key("relatedInformation").begin_array();
      for (const RelatedLocation& related : finding.related) {
        const SourceLocation& at = related.location;
        json.begin_object().key("location").begin_object();
        json.key("uri").value(uris_[at.file]);
        write_range(
            json, {at.line == 0 ? 0 : at.line - 1, at.column == 0 ? 0 : at.column - 1},
            {at.end_line == 0 ? 0 : at.end_line - 1, at.end_column == 0 ? 0 : at.end_column - 1});
        json.end_object().key("message").value(std::string_view(related.message)).end_object();
      }
      json.end_array();
    }
    json.end_object();
  }

  // The diagnostics of the document in `params` whose lines hold `line`.
  std::vector<const Diagnostic*> at_line(const DocumentTree& tree, NodeId params,
                                         std::uint32_t first, std::uint32_t last) const {
    std::vector<const Diagnostic*> found;
    const auto path = document_path(tree, tree.get(params, "textDocument"));
    if (!path) return found;
    const auto list = diagnostics_.find(*path);
    if (list == diagnostics_.end()) return found;
    for (const Diagnostic& diagnostic : list->second) {
      if (diagnostic.start.line <= last && diagnostic.end.line >= first)
        found.push_back(&diagnostic);
    }
    return found;
  }

  void hover(const DocumentTree& tree, NodeId params, const std::optional<std::string>& id) {
    const std::uint32_t line = number(tree, tree.get(params, "position"), "line");
    std::string text;
    std::set<std::string_view> rules;
    for (const Diagnostic* diagnostic : at_line(tree, params, line, line)) {
      if (!rules.insert(diagnostic->finding->rule).second) continue;
      if (auto doc = rule_documentation(diagnostic->finding->rule)) {
        if (!text.empty()) text += "\n\n---\n\n";
        text += *doc;
      }
    }
    if (text.empty()) {
      reply(id, "null");
      return;
    }
    JsonWriter json;
    json.begin_object().key("contents").begin_object().key("kind").value("markdown");
    json.key("value").value(text).end_object().end_object();
    reply(id, json.take_document());
  }

  // A quick fix per finding on the lines asked about: a suppression comment on a line of its
  // own above the finding, indented as that line, naming the rule.
  void code_action(const DocumentTree& tree, NodeId params, const std::optional<std::string>& id) {
    const NodeId range = tree.get(params, "range");
    const std::uint32_t first = number(tree, tree.get(range, "start"), "line");
    const std::uint32_t last = number(tree, tree.get(range, "end"), "line");
    const auto path = document_path(tree, tree.get(params, "textDocument"));
    JsonWriter json;
    json.begin_array();
    SourceFiles sources(result_.files, result_.path_root, result_.unsaved_texts);
    const auto diagnostics = at_line(tree, params, first, last);
    // The findings' own fixes first: preferred where their rule is certain of the edit.
    if (path && !diagnostics.empty()) {
      const auto& fixes = fixes_of_result();
      for (const Diagnostic* diagnostic : diagnostics) {
        const auto fix = fixes.find(diagnostic->finding);
        if (fix == fixes.end()) continue;
        const auto& lines = sources.lines(fix->second.deleted.file);
        auto position = [&](std::uint32_t line, std::uint32_t column) {
          std::string_view text;
          if (line >= 1 && line <= lines.size()) text = lines[line - 1];
          return Position{line - 1, utf16_of_byte(text, column - 1)};
        };
        const SourceLocation& at = fix->second.deleted;
        json.begin_object().key("title").value(
            fmt::format("{}: {}", diagnostic->finding->fix_is_suggestion ? "Suggested fix" : "Fix",
                        diagnostic->finding->rule));
        json.key("kind").value("quickfix");
        json.key("isPreferred").value(!diagnostic->finding->fix_is_suggestion);
        json.key("edit").begin_object().key("changes").begin_object();
        json.key(uri_of_path(*path)).begin_array().begin_object();
        write_range(json, position(at.line, at.column), position(at.end_line, at.end_column));
        json.key("newText").value(fix->second.inserted);
        json.end_object().end_array().end_object().end_object().end_object();
      }
    }
    const std::string_view marker = path ? comment_marker(*path) : std::string_view();
    if (path && !marker.empty()) {
      std::set<std::pair<std::uint32_t, std::string_view>> offered;
      for (const Diagnostic* diagnostic : diagnostics) {
        const std::uint32_t line = diagnostic->start.line;
        const std::string_view rule = diagnostic->finding->rule;
        if (!offered.insert({line, rule}).second) continue;
        const auto& lines = sources.lines(diagnostic->finding->location.file);
        std::string_view text;
        if (line < lines.size()) text = lines[line];
        const std::string indent(text.substr(0, text.find_first_not_of(" \t")));
        json.begin_object().key("title").value(fmt::format("Suppress {} on this line", rule));
        json.key("kind").value("quickfix");
        json.key("edit").begin_object().key("changes").begin_object();
        json.key(uri_of_path(*path)).begin_array().begin_object();
        write_range(json, {line, 0}, {line, 0});
        json.key("newText").value(
            fmt::format("{}{} dnslint-disable-next-line {}\n", indent, marker, rule));
        json.end_object().end_array().end_object().end_object().end_object();
      }
    }
    json.end_array();
    reply(id, json.take_document());
  }

  // The fixes of the last run's findings, found (reading the files) once per run.
  const std::map<const Finding*, FindingFix>& fixes_of_result() {
    if (!fixes_) {
      fixes_.emplace();
      for (FindingFix& fix : offered_fixes(result_)) fixes_->emplace(fix.finding, std::move(fix));
    }
    return *fixes_;
  }

  void reply(const std::optional<std::string>& id, std::string_view result) {
    write_message(out_, fmt::format(R"({{"jsonrpc":"2.0","id":{},"result":{}}})",
                                    id.value_or("null"), result));
  }

  void reply_error(const std::optional<std::string>& id, int code, std::string_view message) {
    write_message(out_,
                  fmt::format(R"({{"jsonrpc":"2.0","id":{},"error":{{"code":{},"message":{}}}}})",
                              id.value_or("null"), code, json_quote(message)));
  }

  std::ostream& out_;
  const CliOptions& options_;
  fs::path root_;
  std::map<std::string, std::string> buffers_;  // open documents by absolute path
  LintResult result_;
  std::map<std::string, std::vector<Diagnostic>> diagnostics_;  // by absolute path
  std::vector<std::string> uris_;                               // of result_.files
  std::optional<std::map<const Finding*, FindingFix>> fixes_;   // fixes_of_result()
  std::set<std::string> published_;
  bool initialized_ = false;
  bool shut_down_ = false;
  int exit_status_ = 1;
};

}  // namespace

int run_language_server(std::istream& in, std::ostream& out, const CliOptions& options) {
  Server server(out, options);
  std::string body;
  while (true) {
    switch (read_message(in, body, kMaxMessage)) {
      case ReadStatus::end:
        return server.exit_status();
      case ReadStatus::bad_header:
        server.log("dnslint: a message header is not 'Name: value' with a Content-Length");
        continue;
      case ReadStatus::too_large:
        server.log("dnslint: a message larger than 256 MiB was skipped");
        continue;
      case ReadStatus::message:
        break;
    }
    if (!server.handle(body)) return server.exit_status();
  }
}

}  // namespace dnslint
