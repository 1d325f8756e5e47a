// The HCL native syntax scanner: source text into tokens, switching between the expression
// language and the template language of quoted strings and heredocs as braces open and close
// (hclsyntax spec.md, "Lexical Elements").
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "formats/terraform/hcl_syntax.hpp"

namespace dnslint::hcl {

enum class TokenType : std::uint8_t {
  newline,
  comment,  // a line comment includes its newline, which counts as one
  identifier,
  number,
  open_brace,
  close_brace,
  open_bracket,
  close_bracket,
  open_paren,
  close_paren,
  open_quote,
  close_quote,
  open_heredoc,      // `<<EOT` or `<<-EOT` with its newline
  close_heredoc,     // the marker line
  quoted_literal,    // text of a quoted template, escapes not yet resolved
  heredoc_literal,   // text of a heredoc, a line at most (with its newline)
  template_interp,   // `${` or `${~`
  template_control,  // `%{` or `%{~`
  template_end,      // `}` or `~}` closing a template sequence
  plus,
  minus,
  star,
  slash,
  percent,
  assign,  // =
  equal,   // ==
  not_equal,
  less,
  less_equal,
  greater,
  greater_equal,
  logical_and,
  logical_or,
  bang,
  dot,
  comma,
  ellipsis,
  fat_arrow,
  question,
  colon,
  invalid,  // a character the language does not use; the scanner reported it
  end_of_file,
};

struct Token {
  TokenType type = TokenType::end_of_file;
  Range range;
};

struct ScanResult {
  std::vector<Token> tokens;  // always ends with end_of_file
  std::vector<Diagnostic> errors;
  std::vector<Comment> comments;
};

// What the text is: a configuration file or a lone expression (the expression language), or a
// standalone template (literal text with `${...}` and `%{...}` sequences).
enum class ScanMode : std::uint8_t { expression, template_text };

// `max_depth` bounds the nesting of braces and template sequences: deeper input is an error and
// the rest of the file is not scanned. Positions start at `origin`.
ScanResult scan(std::string_view source, unsigned max_depth, ScanMode mode = ScanMode::expression,
                const Position& origin = {});

inline std::string_view token_text(std::string_view source, const Token& token) {
  return source.substr(token.range.start.byte, token.range.end.byte - token.range.start.byte);
}

}  // namespace dnslint::hcl
