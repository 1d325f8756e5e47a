// Runs one fixture file (docs/development.md) and checks its in-file annotations (several may share
// a comment, separated by ";"):
//   <comment> expect: rule-id ["message substring"]   trailing: this line;
//                                                     on its own line: the next record line
//   <comment> expect-none                             no finding at all
//   <comment> args: --origin example.com.             extra command-line arguments
// The comment is `;` in zone files and `#` in YAML and Terraform. JSON has no comments: a
// `.tf.json` block holds `"//": "expect: rule-id ..."` (about that block's lines), other JSON a
// sidecar FILE.expect with `JSON-pointer rule-id ["substring"]` lines (and `args:`/`expect-none`).
// Usage: fixture_runner RULE-ID|all FILE   (run in the fixture's folder)
// With a rule id only that rule runs; `bad-*` files must expect it, `good-*` files must not.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "formats/document_tree.hpp"
#include "linter/cli/cli.hpp"
#include "linter/engine/engine.hpp"

namespace {

struct Expectation {
  std::uint32_t line = 0;
  std::uint32_t last_line = 0;  // JSON: the block's lines; 0 for one line
  std::string rule;
  std::string substring;
  bool met = false;
};

struct Annotations {
  std::vector<Expectation> expectations;
  std::vector<std::string> args;
  bool expect_none = false;
  bool any = false;
};

std::string trim(std::string_view text) {
  const auto begin = text.find_first_not_of(" \t\r");
  if (begin == std::string_view::npos) return {};
  const auto end = text.find_last_not_of(" \t\r");
  return std::string(text.substr(begin, end - begin + 1));
}

std::vector<std::string> split_words(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> words;
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

// The comment part of a line: after the first comment character outside quotes.
std::optional<std::pair<std::string, std::string>> split_comment(const std::string& line,
                                                                 char marker) {
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\\') {
      ++i;
    } else if (line[i] == '"') {
      quoted = !quoted;
    } else if (line[i] == marker && !quoted) {
      return std::make_pair(line.substr(0, i), line.substr(i + 1));
    }
  }
  return std::nullopt;
}

// One annotation (after its comment marker) into `result`; expectations go to `out`.
void parse_annotation(const std::string& comment, Annotations& result,
                      std::vector<Expectation>& out) {
  if (comment.starts_with("args:")) {
    for (auto& word : split_words(comment.substr(5))) result.args.push_back(word);
    result.any = true;
  } else if (comment == "expect-none") {
    result.expect_none = true;
    result.any = true;
  } else if (comment.starts_with("expect:")) {
    result.any = true;
    Expectation expectation;
    std::string spec = trim(comment.substr(7));
    const auto space = spec.find(' ');
    expectation.rule = spec.substr(0, space);
    if (space != std::string::npos) {
      std::string substring = trim(spec.substr(space));
      if (substring.size() >= 2 && substring.front() == '"' && substring.back() == '"') {
        substring = substring.substr(1, substring.size() - 2);
      }
      expectation.substring = substring;
    }
    out.push_back(expectation);
  }
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

// The node a JSON pointer (RFC 6901) names, or kNoNode.
dnslint::NodeId resolve_pointer(const dnslint::DocumentTree& tree, dnslint::NodeId node,
                                const std::string& pointer) {
  std::size_t start = 1;
  while (node != dnslint::kNoNode && start <= pointer.size() && pointer.size() > 1) {
    auto end = pointer.find('/', start);
    if (end == std::string::npos) end = pointer.size();
    // RFC 6901 §4: ~1 is '/', ~0 is '~'.
    std::string token;
    for (std::size_t i = start; i < end; ++i) {
      if (pointer[i] == '~' && i + 1 < end && (pointer[i + 1] == '0' || pointer[i + 1] == '1')) {
        token += pointer[++i] == '1' ? '/' : '~';
      } else {
        token += pointer[i];
      }
    }
    if (tree.is_sequence(node)) {
      const auto index = static_cast<std::size_t>(std::atol(token.c_str()));
      node = index < tree[node].children.size() ? tree[node].children[index] : dnslint::kNoNode;
    } else {
      node = tree.get(node, token);
    }
    start = end + 1;
  }
  return node;
}

Annotations read_json_annotations(const std::string& path) {
  Annotations result;
  const auto document = dnslint::parse_json(read_text(path), 0);
  const dnslint::DocumentTree& tree = document.tree;
  if (path.ends_with(".tf.json")) {
    // "//" properties of every object: about that object's lines.
    for (dnslint::NodeId id = 0; id < tree.size(); ++id) {
      if (!tree.is_mapping(id)) continue;
      for (const auto& [key, value] : tree.entries(id)) {
        if (tree[key].text != "//") continue;
        std::vector<Expectation> found;
        std::istringstream parts(tree[value].text);
        for (std::string part; std::getline(parts, part, ';');)
          parse_annotation(trim(part), result, found);
        for (auto& expectation : found) {
          expectation.line = tree[id].location.line;
          expectation.last_line = tree[id].location.end_line;
          result.expectations.push_back(expectation);
        }
      }
    }
    return result;
  }
  std::ifstream sidecar(path + ".expect");
  for (std::string line; std::getline(sidecar, line);) {
    line = trim(line);
    if (line.empty() || line.starts_with('#')) continue;
    if (!line.starts_with('/')) {
      std::vector<Expectation> none;
      parse_annotation(line, result, none);
      continue;
    }
    const auto space = line.find(' ');
    const std::string pointer = line.substr(0, space);
    std::vector<Expectation> found;
    parse_annotation(
        "expect: " + trim(line.substr(space == std::string::npos ? line.size() : space)), result,
        found);
    const dnslint::NodeId node =
        tree.roots.empty() ? dnslint::kNoNode : resolve_pointer(tree, tree.roots[0], pointer);
    for (auto& expectation : found) {
      if (node == dnslint::kNoNode) {
        expectation.rule = "(no node at " + pointer + ")";
      } else {
        expectation.line = tree[node].location.line;
        expectation.last_line = tree[node].location.end_line;
      }
      result.expectations.push_back(expectation);
    }
  }
  return result;
}

Annotations read_annotations(const std::string& path) {
  if (path.ends_with(".json") || path.ends_with(".tfstate")) return read_json_annotations(path);
  const bool hash_comments = path.ends_with(".yaml") || path.ends_with(".yml") ||
                             path.ends_with(".yaml.tpl") || path.ends_with(".tf") ||
                             path.ends_with(".tfvars");
  const char marker = hash_comments ? '#' : ';';
  std::ifstream in(path, std::ios::binary);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  Annotations result;
  std::vector<Expectation> pending;  // own-line expectations waiting for the next record line
  for (std::size_t n = 0; n < lines.size(); ++n) {
    const auto line_number = static_cast<std::uint32_t>(n + 1);
    auto parts = split_comment(lines[n], marker);
    const std::string code = trim(parts ? parts->first : lines[n]);
    if (!code.empty()) {
      for (auto& expectation : pending) {
        expectation.line = line_number;
        result.expectations.push_back(expectation);
      }
      pending.clear();
    }
    if (!parts) continue;
    // A comment may hold several ';'-separated parts; an annotation after another comment on
    // the same line (`; dnslint-disable x ; expect: ...`) is about that line.
    std::vector<std::string> segments;
    std::istringstream comments(parts->second);
    for (std::string segment; std::getline(comments, segment, ';');) segments.push_back(segment);
    for (std::size_t k = 0; k < segments.size(); ++k) {
      const bool about_this_line = !code.empty() || k > 0;
      std::vector<Expectation> found;
      parse_annotation(trim(segments[k]), result, found);
      for (auto& expectation : found) {
        if (about_this_line) {
          expectation.line = line_number;
          result.expectations.push_back(expectation);
        } else {
          pending.push_back(expectation);
        }
      }
    }
  }
  return result;
}

std::string base_name(const std::string& path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: fixture_runner RULE-ID|all FILE\n";
    return 2;
  }
  const std::string rule = argv[1];
  const std::string file = argv[2];
  // A fixture is a file, or a directory read as one input (a Terraform module): then the
  // annotations of its files together.
  Annotations annotations;
  if (std::filesystem::is_directory(file)) {
    std::vector<std::string> members;
    for (const auto& entry : std::filesystem::directory_iterator(file))
      members.push_back(entry.path().string());
    std::sort(members.begin(), members.end());
    for (const auto& member : members) {
      const Annotations found = read_annotations(member);
      annotations.args.insert(annotations.args.end(), found.args.begin(), found.args.end());
      annotations.expect_none = annotations.expect_none || found.expect_none;
      annotations.any = annotations.any || found.any;
    }
  } else {
    annotations = read_annotations(file);
  }
  std::vector<std::string> problems;
  std::vector<std::string> args = annotations.args;
  args.push_back(file);
  dnslint::LintResult result;
  try {
    dnslint::CliOptions options = dnslint::parse_command_line(args);
    dnslint::configure(options);
    options.request.jobs = 1;
    // Paths as the fixture names them: relative to its folder, not to the repository.
    options.request.path_root = std::filesystem::current_path();
    if (rule != "all") {
      for (const auto& [id, settings] : options.request.rules.all()) {
        options.request.rules.at(id).enabled = id == rule;
      }
    }
    result = dnslint::lint(options.request);
  } catch (const std::exception& e) {
    std::cerr << file << ": dnslint failed: " << e.what() << "\n";
    return 1;
  }

  // The fixture and every file it includes carry annotations; together they must expect
  // exactly the findings.
  std::map<std::string, Annotations> by_file;
  if (!std::filesystem::is_directory(file)) by_file[file] = annotations;
  for (const auto& path : result.files) {
    if (!by_file.contains(path)) by_file[path] = read_annotations(path);
  }
  const bool annotated = std::any_of(by_file.begin(), by_file.end(),
                                     [](const auto& entry) { return entry.second.any; });
  if (!annotated) problems.push_back("the fixture has no expect:, expect-none or args: annotation");
  const std::string name = base_name(file);
  if (rule != "all") {
    const bool expects_rule = std::any_of(by_file.begin(), by_file.end(), [&](const auto& entry) {
      const auto& expectations = entry.second.expectations;
      return std::any_of(expectations.begin(), expectations.end(),
                         [&](const Expectation& e) { return e.rule == rule; });
    });
    if (name.starts_with("bad-") && !expects_rule)
      problems.push_back(fmt::format("a bad-* fixture must expect {}", rule));
    if (name.starts_with("good-") && expects_rule)
      problems.push_back(fmt::format("a good-* fixture must not expect {}", rule));
  }
  if (annotations.expect_none && !annotations.expectations.empty()) {
    problems.push_back("expect-none together with expect:");
  }
  for (const auto& finding : result.findings) {
    const std::string& path = result.files[finding.location.file];
    auto& expectations = by_file[path].expectations;
    auto match = std::find_if(expectations.begin(), expectations.end(), [&](const Expectation& e) {
      const bool at_line = e.last_line == 0 ? e.line == finding.location.line
                                            : e.line <= finding.location.line &&
                                                  finding.location.line <= e.last_line;
      return !e.met && at_line && e.rule == finding.rule &&
             finding.message.view().find(e.substring) != std::string::npos;
    });
    if (match == expectations.end()) {
      problems.push_back(fmt::format("unexpected finding {}:{}:{}: {} [{}]", path,
                                     finding.location.line, finding.location.column,
                                     finding.message, finding.rule));
    } else {
      match->met = true;
    }
  }
  for (const auto& [path, file_annotations] : by_file) {
    for (const auto& e : file_annotations.expectations) {
      if (!e.met) {
        problems.push_back(
            fmt::format("expected {} at {}:{}{} but it was not reported", e.rule, path, e.line,
                        e.substring.empty() ? "" : fmt::format(" with \"{}\"", e.substring)));
      }
    }
  }
  for (const auto& problem : problems) std::cerr << file << ": " << problem << "\n";
  if (!problems.empty()) return 1;
  std::cout << file << ": " << result.findings.size() << " finding(s) as expected\n";
  return 0;
}
