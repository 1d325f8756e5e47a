#include "formats/suppressions.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <optional>
#include <tuple>

namespace dnslint {
namespace {

struct Line {
  std::string_view code;     // before the comment
  std::string_view comment;  // after the comment character
  std::uint32_t comment_column = 0;
};

// Splits a line at its first comment character outside a quoted string.
Line split_line(std::string_view text, char comment) {
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\') {
      ++i;
    } else if (text[i] == '"') {
      quoted = !quoted;
    } else if (text[i] == comment && !quoted) {
      return {text.substr(0, i), text.substr(i + 1), static_cast<std::uint32_t>(i + 1)};
    }
  }
  return {text, {}, 0};
}

std::string_view trim(std::string_view text) {
  const auto begin = text.find_first_not_of(" \t\r");
  if (begin == std::string_view::npos) return {};
  return text.substr(begin, text.find_last_not_of(" \t\r") - begin + 1);
}

struct Directive {
  enum Kind { next_line, same_line, disable, enable, unknown } kind;
  std::vector<std::string> rules;
  std::string reason;
  std::string word;  // an unknown directive as written
};

std::optional<Directive> parse_directive(std::string_view comment) {
  comment = trim(comment);
  Directive directive{Directive::disable, {}, {}, {}};
  // Longer words first: "dnslint-disable" begins the others.
  for (auto [word, kind] :
       {std::pair{std::string_view("dnslint-disable-next-line"), Directive::next_line},
        std::pair{std::string_view("dnslint-disable-line"), Directive::same_line},
        std::pair{std::string_view("dnslint-disable"), Directive::disable},
        std::pair{std::string_view("dnslint-enable"), Directive::enable}}) {
    if (comment.starts_with(word) &&
        (comment.size() == word.size() || comment[word.size()] == ' ' ||
         comment[word.size()] == '\t')) {
      directive.kind = kind;
      comment.remove_prefix(word.size());
      if (auto dashes = comment.find("--"); dashes != std::string_view::npos) {
        directive.reason = std::string(trim(comment.substr(dashes + 2)));
        comment = comment.substr(0, dashes);
      }
      for (std::size_t start = 0; start < comment.size();) {
        auto end = comment.find_first_of(", \t", start);
        if (end == std::string_view::npos) end = comment.size();
        if (end > start) directive.rules.emplace_back(comment.substr(start, end - start));
        start = end + 1;
      }
      return directive;
    }
  }
  // A misspelt directive must not pass for a comment: it would suppress nothing, silently.
  if (comment.starts_with("dnslint-")) {
    directive.kind = Directive::unknown;
    directive.word = std::string(comment.substr(0, comment.find_first_of(" \t")));
    return directive;
  }
  return std::nullopt;
}

}  // namespace

std::optional<Suppression> block_suppression(std::string_view comment, const SourceLocation& at,
                                             std::uint32_t first_line, std::uint32_t last_line) {
  const auto directive = parse_directive(comment);
  if (!directive || directive->kind == Directive::enable) return std::nullopt;
  if (directive->kind == Directive::unknown) return Suppression{at, {}, 1, 0, {}, directive->word};
  return Suppression{at, directive->rules, first_line, last_line, directive->reason, {}};
}

std::vector<Suppression> suppressions_from_comments(
    const std::vector<SuppressionComment>& comments,
    const std::function<std::pair<std::uint32_t, std::uint32_t>(std::uint32_t line)>& next_code) {
  constexpr auto kEnd = std::numeric_limits<std::uint32_t>::max();
  std::vector<Suppression> result;
  std::map<std::string, std::size_t> open;  // rule ("" for all) -> index of its open range
  for (const SuppressionComment& comment : comments) {
    const auto directive = parse_directive(comment.text);
    if (!directive) continue;
    const std::uint32_t line = comment.at.line;
    if (directive->kind == Directive::enable) {
      std::vector<std::string> closing = directive->rules;
      if (closing.empty()) {
        for (const auto& [rule, index] : open) closing.push_back(rule);
      }
      for (const auto& rule : closing) {
        if (auto it = open.find(rule); it != open.end()) {
          result[it->second].last_line = line - 1;
          open.erase(it);
        }
      }
      continue;
    }
    if (directive->kind == Directive::unknown) {
      // Covers no line (first above last); the engine reports it.
      result.push_back(Suppression{comment.at, {}, 1, 0, {}, directive->word});
      continue;
    }
    Suppression suppression{comment.at, directive->rules, line + 1, kEnd, directive->reason, {}};
    if (directive->kind == Directive::same_line) {
      suppression.first_line = suppression.last_line = line;
    } else if (directive->kind == Directive::next_line) {
      std::tie(suppression.first_line, suppression.last_line) = next_code(line + 1);
    } else {
      const std::string key = directive->rules.size() == 1 ? directive->rules[0] : std::string();
      open[key] = result.size();
    }
    result.push_back(std::move(suppression));
  }
  return result;
}

std::vector<Suppression> find_suppressions(std::string_view content, FileId file, char comment) {
  // Cheap exit for the common case of a file without any directive.
  if (content.find("dnslint-") == std::string_view::npos) return {};
  std::vector<Line> lines;
  for (std::size_t start = 0; start <= content.size();) {
    auto end = content.find('\n', start);
    if (end == std::string_view::npos) end = content.size();
    lines.push_back(split_line(content.substr(start, end - start), comment));
    start = end + 1;
  }
  std::vector<SuppressionComment> comments;
  for (std::size_t n = 0; n < lines.size(); ++n) {
    if (lines[n].comment_column == 0) continue;
    const auto line = static_cast<std::uint32_t>(n + 1);
    comments.push_back(
        {lines[n].comment,
         {file, line, lines[n].comment_column, line,
          static_cast<std::uint32_t>(lines[n].comment_column + 1 + lines[n].comment.size())}});
  }
  // A next-line directive covers the next line that holds a record.
  return suppressions_from_comments(comments, [&](std::uint32_t first) {
    std::size_t target = first - 1;
    while (target < lines.size() && trim(lines[target].code).empty()) ++target;
    const auto covered = static_cast<std::uint32_t>(target + 1);
    return std::pair{covered, covered};
  });
}

}  // namespace dnslint
