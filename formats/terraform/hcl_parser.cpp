#include "formats/terraform/hcl_parser.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <optional>

#include "formats/terraform/hcl_scanner.hpp"

namespace dnslint::hcl {

std::string_view operator_text(Operator op) {
  switch (op) {
    case Operator::negate:
    case Operator::subtract:
      return "-";
    case Operator::logical_not:
      return "!";
    case Operator::multiply:
      return "*";
    case Operator::divide:
      return "/";
    case Operator::modulo:
      return "%";
    case Operator::add:
      return "+";
    case Operator::less:
      return "<";
    case Operator::less_equal:
      return "<=";
    case Operator::greater:
      return ">";
    case Operator::greater_equal:
      return ">=";
    case Operator::equal:
      return "==";
    case Operator::not_equal:
      return "!=";
    case Operator::logical_and:
      return "&&";
    case Operator::logical_or:
      return "||";
  }
  return "?";
}

const Attribute* Body::attribute(std::string_view name) const {
  for (const Attribute& attribute : attributes) {
    if (attribute.name == name) return &attribute;
  }
  return nullptr;
}

namespace {

// A binary operator and its precedence level: higher binds tighter (spec: "Operations").
struct BinaryOperator {
  Operator op;
  int level;
};

std::optional<BinaryOperator> binary_operator(TokenType type) {
  switch (type) {
    case TokenType::logical_or:
      return BinaryOperator{Operator::logical_or, 1};
    case TokenType::logical_and:
      return BinaryOperator{Operator::logical_and, 2};
    case TokenType::equal:
      return BinaryOperator{Operator::equal, 3};
    case TokenType::not_equal:
      return BinaryOperator{Operator::not_equal, 3};
    case TokenType::greater:
      return BinaryOperator{Operator::greater, 4};
    case TokenType::greater_equal:
      return BinaryOperator{Operator::greater_equal, 4};
    case TokenType::less:
      return BinaryOperator{Operator::less, 4};
    case TokenType::less_equal:
      return BinaryOperator{Operator::less_equal, 4};
    case TokenType::plus:
      return BinaryOperator{Operator::add, 5};
    case TokenType::minus:
      return BinaryOperator{Operator::subtract, 5};
    case TokenType::star:
      return BinaryOperator{Operator::multiply, 6};
    case TokenType::slash:
      return BinaryOperator{Operator::divide, 6};
    case TokenType::percent:
      return BinaryOperator{Operator::modulo, 6};
    default:
      return std::nullopt;
  }
}

bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' || c == 0x85 ||
         c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 ||
         c == 0x202f || c == 0x205f || c == 0x3000;
}

// The code point at text[i] and its length in bytes (1 for bytes that are not valid UTF-8,
// which the scanner has reported).
std::pair<char32_t, std::size_t> decode_utf8(std::string_view text, std::size_t i) {
  const auto lead = static_cast<unsigned char>(text[i]);
  if (lead < 0x80) return {lead, 1};
  const std::size_t length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  if (length == 1 || i + length > text.size()) return {lead, 1};
  char32_t c = lead & (0x7fu >> length);
  for (std::size_t k = 1; k < length; ++k)
    c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3fu);
  return {c, length};
}

// Leading white space of `text`: {characters, bytes}.
std::pair<std::size_t, std::size_t> leading_space(std::string_view text) {
  std::size_t characters = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto [c, length] = decode_utf8(text, i);
    if (!is_space(c)) break;
    ++characters;
    i += length;
  }
  return {characters, i};
}

std::string trim_space_left(std::string_view text) {
  return std::string(text.substr(leading_space(text).second));
}

std::string trim_space_right(std::string_view text) {
  std::size_t end = text.size();
  // Walk forward so that multi-byte spaces are recognised; remember the last non-space end.
  std::size_t last = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto [c, length] = decode_utf8(text, i);
    i += length;
    if (!is_space(c)) last = i;
  }
  end = last;
  return std::string(text.substr(0, end));
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xc0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3f));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xe0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (c & 0x3f));
  } else {
    out += static_cast<char>(0xf0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3f));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (c & 0x3f));
  }
}

// One piece of a template before nesting: literal text, an interpolation, or a directive.
struct TemplatePiece {
  enum class Kind { literal, interpolation, if_start, else_branch, end_if, for_start, end_for };
  Kind kind = Kind::literal;
  std::string text;             // literal
  ExprId expression = kNoExpr;  // interpolation; the condition of if; the collection of for
  std::string key_var;
  std::string value_var;
  Range range;
};

class Parser {
 public:
  // `first_byte`: the byte offset that positions give the start of `source`.
  Parser(std::string_view source, std::uint32_t first_byte, ScanResult scanned, SyntaxTree& tree,
         const ParseLimits& limits)
      : source_(source),
        first_byte_(first_byte),
        tokens_(std::move(scanned.tokens)),
        tree_(tree),
        limits_{std::min(limits.max_depth, kMaxNesting)} {
    for (Diagnostic& error : scanned.errors) tree_.errors.push_back(std::move(error));
    for (Comment& comment : scanned.comments) tree_.comments.push_back(std::move(comment));
    include_newlines_.push_back(true);
  }

  Body parse_file() {
    Body body = parse_body(TokenType::end_of_file, peek().range);
    finish();
    return body;
  }

  ExprId parse_lone_expression() {
    include_newlines_.push_back(false);
    const ExprId expression = parse_expression();
    if (peek().type != TokenType::end_of_file && !recovery_) {
      error(peek().range, "Extra characters after the expression");
    }
    finish();
    return expression;
  }

  ExprId parse_lone_template() {
    const Range start = peek().range;
    const ExprId expression = parse_template_parts(TokenType::end_of_file, false, start);
    finish();
    return expression;
  }

 private:
  // --- tokens -----------------------------------------------------------------------------

  // The next token that counts: comments are skipped, and newlines too where they do not
  // count (inside brackets, parentheses and sequences). A line comment ends its line.
  Token peek() {
    std::size_t index = next_;
    return next_token(index);
  }
  Token read() {
    const Token token = next_token(next_);
    previous_ = token.range;
    return token;
  }
  Token next_token(std::size_t& index) {
    const bool newlines = include_newlines_.back();
    while (index + 1 < tokens_.size()) {
      const Token& token = tokens_[index];
      if (token.type == TokenType::comment) {
        ++index;
        const std::string_view comment = text(token);
        if (newlines && !comment.empty() && comment.back() == '\n') {
          return Token{TokenType::newline, token.range};
        }
        continue;
      }
      if (token.type == TokenType::newline && !newlines) {
        ++index;
        continue;
      }
      ++index;
      return token;
    }
    index = tokens_.size() - 1;
    // The scanner ends every file with end_of_file; past the last token it is all there is.
    return Token{TokenType::end_of_file, tokens_.back().range};
  }

  struct NewlinesScope {
    NewlinesScope(Parser& parser, bool include) : parser_(parser) {
      parser_.include_newlines_.push_back(include);
    }
    ~NewlinesScope() { parser_.include_newlines_.pop_back(); }
    Parser& parser_;
  };

  std::string_view text(const Token& token) const {
    return source_.substr(token.range.start.byte - first_byte_,
                          token.range.end.byte - token.range.start.byte);
  }

  void error(const Range& range, std::string message) {
    // Past a nesting too deep, nothing is read: what the constructs left open say is noise.
    if (stopped_) return;
    tree_.errors.push_back({range, std::move(message)});
    // Text this far from HCL is not worth parsing to its end.
    if (tree_.errors.size() == kMostErrors) {
      tree_.errors.push_back(
          {range, fmt::format("{} syntax errors: dnslint stops reading here, and the rest of the "
                              "file is not checked (fix these first)",
                              kMostErrors)});
      stop_at(range.start.byte);
    }
  }

  // Nothing after `byte` is read: the parser goes to the end of the tokens.
  void stop_at(std::uint32_t byte) {
    stopped_ = true;
    stopped_at_ = byte;
    next_ = tokens_.size() - 1;
    recovery_ = true;
  }

  static bool is_opener(TokenType type) {
    switch (type) {
      case TokenType::open_brace:
      case TokenType::open_bracket:
      case TokenType::open_paren:
      case TokenType::open_quote:
      case TokenType::open_heredoc:
      case TokenType::template_interp:
      case TokenType::template_control:
        return true;
      default:
        return false;
    }
  }
  static bool is_closer(TokenType type) {
    switch (type) {
      case TokenType::close_brace:
      case TokenType::close_bracket:
      case TokenType::close_paren:
      case TokenType::close_quote:
      case TokenType::close_heredoc:
      case TokenType::template_end:
        return true;
      default:
        return false;
    }
  }
  static bool closes(TokenType closer, TokenType opener) {
    if (closer == TokenType::template_end) {
      return opener == TokenType::template_interp || opener == TokenType::template_control;
    }
    return opener == opening_of(closer);
  }

  // Skips ahead, over whole bracketed stretches, to the first token at this level that `stop`
  // accepts, which it consumes, or to a closer of an enclosing construct, which it leaves for
  // that construct (so that a tuple left open does not swallow the blocks after it). Returns
  // the token it stopped at.
  template <typename Stop>
  Token skip(const Stop& stop) {
    recovery_ = true;
    std::vector<TokenType> open;
    while (true) {
      const Token token = peek();
      if (token.type == TokenType::end_of_file) return token;
      if (open.empty() && stop(token.type)) return read();
      if (is_opener(token.type)) {
        open.push_back(token.type);
      } else if (is_closer(token.type)) {
        if (open.empty()) return token;
        while (!open.empty() && !closes(token.type, open.back())) open.pop_back();
        if (!open.empty()) open.pop_back();
      }
      read();
    }
  }

  // Skips to just after the token `end` that closes the current bracket.
  Token recover(TokenType end) {
    return skip([&](TokenType type) { return type == end; });
  }

  // Skips to the end of the current body item: the next newline outside brackets.
  void recover_after_body_item() {
    const bool newlines = include_newlines_.back();
    include_newlines_.back() = true;
    skip([](TokenType type) { return type == TokenType::newline; });
    include_newlines_.back() = newlines;
  }

  static TokenType opening_of(TokenType close) {
    switch (close) {
      case TokenType::close_brace:
        return TokenType::open_brace;
      case TokenType::close_bracket:
        return TokenType::open_bracket;
      case TokenType::close_paren:
        return TokenType::open_paren;
      case TokenType::close_quote:
        return TokenType::open_quote;
      case TokenType::close_heredoc:
        return TokenType::open_heredoc;
      case TokenType::template_end:
        return TokenType::template_interp;
      default:
        return TokenType::end_of_file;
    }
  }

  // Guards recursion: input nested deeper than the limit is an error, and parsing stops there.
  struct DepthScope {
    explicit DepthScope(Parser& parser) : parser_(parser) { ++parser_.depth_; }
    ~DepthScope() { --parser_.depth_; }
    Parser& parser_;
  };
  bool too_deep() {
    if (depth_ <= limits_.max_depth) return false;
    if (!stopped_) {
      error(peek().range, fmt::format("expressions and blocks are nested more than {} deep; the "
                                      "rest of the file is not read",
                                      limits_.max_depth));
      stop_at(peek().range.start.byte);
    }
    next_ = tokens_.size() - 1;
    recovery_ = true;
    return true;
  }

  void finish() {
    if (stopped_) {
      std::erase_if(tree_.errors,
                    [&](const Diagnostic& e) { return e.range.start.byte > stopped_at_; });
    }
    std::stable_sort(tree_.errors.begin(), tree_.errors.end(),
                     [](const Diagnostic& a, const Diagnostic& b) {
                       return a.range.start.byte < b.range.start.byte;
                     });
  }

  ExprId add(ExpressionNode node, const Range& range) {
    return tree_.add(Expression{std::move(node), range});
  }
  ExprId invalid(const Range& range) { return add(Invalid{}, range); }
  const Range& range_of(ExprId id) const { return tree_[id].range; }

  // --- structure --------------------------------------------------------------------------

  Body parse_body(TokenType end, const Range& start) {
    DepthScope depth(*this);
    Body body;
    Range end_range = start;
    std::map<std::string, std::size_t, std::less<>> seen;  // attribute name -> index
    if (too_deep()) return body;
    while (true) {
      const Token next = peek();
      if (next.type == end) {
        end_range = read().range;
        break;
      }
      if (next.type == TokenType::newline) {
        read();
        continue;
      }
      if (next.type == TokenType::identifier) {
        // Each item starts afresh: errors in the one before do not silence this one's.
        recovery_ = false;
        parse_body_item(body, seen);
        continue;
      }
      const Token bad = read();
      if (!recovery_) {
        if (bad.type == TokenType::open_quote) {
          error(bad.range, "Invalid argument name: argument names must not be quoted");
        } else if (bad.type == TokenType::end_of_file) {
          error(start, end == TokenType::close_brace
                           ? "Unclosed configuration block: there is no closing brace for this "
                             "block before the end of the file"
                           : "Unclosed configuration body");
        } else if (bad.type != TokenType::invalid) {
          error(bad.range,
                "Argument or block definition required: an argument or block "
                "definition is required here");
        }
      }
      end_range = previous_;
      if (bad.type != TokenType::end_of_file && bad.type != end) recover(end);
      break;
    }
    body.range = span(start, end_range);
    return body;
  }

  void parse_body_item(Body& body, std::map<std::string, std::size_t, std::less<>>& seen) {
    const Token name = read();
    const Token next = peek();
    if (next.type == TokenType::assign) {
      Attribute attribute = finish_attribute(name, false);
      add_attribute(body, seen, std::move(attribute));
      return;
    }
    if (next.type == TokenType::open_quote || next.type == TokenType::open_brace ||
        next.type == TokenType::identifier) {
      body.blocks.push_back(finish_block(name));
      return;
    }
    recover_after_body_item();
    error(name.range,
          "Argument or block definition required: to set an argument, use the equals sign \"=\" "
          "to introduce the argument value");
  }

  void add_attribute(Body& body, std::map<std::string, std::size_t, std::less<>>& seen,
                     Attribute attribute) {
    const auto [at, inserted] = seen.emplace(attribute.name, body.attributes.size());
    if (!inserted) {
      error(attribute.name_range,
            fmt::format("Attribute redefined: the argument \"{}\" was already set at line {}; "
                        "each argument may be set only once",
                        attribute.name, body.attributes[at->second].name_range.start.line));
      return;
    }
    body.attributes.push_back(std::move(attribute));
  }

  Attribute finish_attribute(const Token& name, bool single_line) {
    read();  // =
    Attribute attribute;
    attribute.name = std::string(text(name));
    attribute.name_range = name.range;
    const std::size_t errors_before = tree_.errors.size();
    attribute.value = parse_expression();
    Range end = previous_;
    if (recovery_ && tree_.errors.size() > errors_before) {
      recover_after_body_item();
    } else if (!single_line) {
      const Token after = peek();
      if (after.type != TokenType::newline && after.type != TokenType::end_of_file) {
        if (!recovery_) {
          error(after.range, after.type == TokenType::comma
                                 ? "Unexpected comma after argument: argument definitions must "
                                   "be separated by newlines, not commas"
                                 : "Missing newline after argument: an argument definition must "
                                   "end with a newline");
        }
        recover_after_body_item();
      } else {
        read();
      }
    }
    attribute.range = span(name.range, end);
    return attribute;
  }

  Block finish_block(const Token& type) {
    Block block;
    block.type = std::string(text(type));
    block.type_range = type.range;
    while (true) {
      const Token next = peek();
      if (next.type == TokenType::open_brace) break;
      if (next.type == TokenType::open_quote) {
        auto [label, range] = parse_quoted_string_literal();
        block.labels.push_back(std::move(label));
        block.label_ranges.push_back(range);
        continue;
      }
      if (next.type == TokenType::identifier) {
        read();
        block.labels.emplace_back(text(next));
        block.label_ranges.push_back(next.range);
        continue;
      }
      if (next.type == TokenType::assign) {
        error(next.range,
              "Invalid block definition: the equals sign \"=\" indicates an argument definition, "
              "and must not be used when defining a block");
      } else if (next.type == TokenType::newline) {
        error(next.range,
              "Invalid block definition: a block definition must have block content delimited by "
              "\"{\" and \"}\", starting on the same line as the block header");
      } else if (!recovery_ && next.type != TokenType::invalid) {
        error(next.range,
              "Invalid block definition: either a quoted string block label or an opening brace "
              "(\"{\") is expected here");
      }
      recover_after_body_item();
      block.range = span(type.range, previous_);
      block.body.range = block.range;
      return block;
    }
    const Token open = read();
    const TokenType after_open = peek().type;
    if (after_open == TokenType::newline || after_open == TokenType::end_of_file ||
        after_open == TokenType::close_brace) {
      block.body = parse_body(TokenType::close_brace, open.range);
    } else {
      block.body = parse_single_attribute_body(open);
    }
    const Range close = previous_;
    const Token eol = peek();
    if (eol.type == TokenType::newline || eol.type == TokenType::end_of_file) {
      read();
    } else {
      if (!recovery_) {
        error(eol.range,
              "Missing newline after block definition: a block definition must end "
              "with a newline");
      }
      recover_after_body_item();
    }
    block.range = span(type.range, close);
    return block;
  }

  // `name { attribute = value }` on one line; the closing brace is consumed.
  Body parse_single_attribute_body(const Token& open) {
    Body body;
    const Token name = read();
    if (name.type != TokenType::identifier) {
      if (name.type != TokenType::invalid) {
        error(name.range,
              "Argument or block definition required: an argument or block "
              "definition is required here");
      }
      recover(TokenType::close_brace);
    } else if (peek().type == TokenType::assign) {
      std::map<std::string, std::size_t, std::less<>> seen;
      add_attribute(body, seen, finish_attribute(name, true));
      const Token next = peek();
      if (next.type == TokenType::close_brace) {
        read();
      } else {
        if (next.type == TokenType::comma) {
          error(next.range,
                "Invalid single-argument block definition: single-line block syntax can include "
                "only one argument definition; to define multiple arguments, use the multi-line "
                "block syntax with one argument definition per line");
        } else if (next.type == TokenType::newline) {
          error(next.range,
                "Invalid single-argument block definition: an argument definition on the same "
                "line as its containing block creates a single-line block definition, which "
                "must also be closed on the same line");
        } else if (next.type == TokenType::end_of_file) {
          error(open.range,
                "Unclosed configuration block: there is no closing brace for this "
                "block before the end of the file");
        } else if (!recovery_ && next.type != TokenType::invalid) {
          error(next.range,
                "Invalid single-argument block definition: a single-line block "
                "definition must end with a closing brace immediately after its "
                "single argument definition");
        }
        recover(TokenType::close_brace);
      }
    } else {
      error(span(name.range, peek().range),
            "Argument definition required: a single-line block definition can contain only a "
            "single argument; to define a nested block, place it on a line of its own within "
            "its parent block");
      recover(TokenType::close_brace);
    }
    body.range = span(open.range, previous_);
    return body;
  }

  // A block label: a quoted string without template sequences.
  std::pair<std::string, Range> parse_quoted_string_literal() {
    const Token open = read();
    std::string value;
    while (true) {
      const Token token = read();
      if (token.type == TokenType::close_quote) {
        return {std::move(value), span(open.range, token.range)};
      }
      if (token.type == TokenType::quoted_literal) {
        value += unescape_quoted(token);
        continue;
      }
      if (token.type == TokenType::template_interp || token.type == TokenType::template_control) {
        error(token.range,
              "Invalid string literal: template sequences are not allowed in this string; to "
              "include a literal \"$\" or \"%\", double it");
        value += token.type == TokenType::template_interp ? "${ ... }" : "%{ ... }";
        recover(TokenType::template_end);
        continue;
      }
      if (token.type == TokenType::end_of_file) {
        error(token.range, "Unterminated string literal: the closing quote mark is missing");
        return {std::move(value), span(open.range, token.range)};
      }
      error(token.range, "Invalid string literal");
      const Token close = recover(TokenType::close_quote);
      return {std::move(value), span(open.range, close.range)};
    }
  }

  // The value of a quoted literal, escapes resolved (spec: "Template Expressions").
  std::string unescape_quoted(const Token& token) {
    const std::string_view raw = text(token);
    std::string out;
    out.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
      const char c = raw[i];
      if ((c == '$' || c == '%') && i + 2 < raw.size() && raw[i + 1] == c && raw[i + 2] == '{') {
        out += c;
        out += '{';
        i += 2;
        continue;
      }
      if (c != '\\') {
        out += c;
        continue;
      }
      const Range at = escape_range(token, i, 2);
      if (i + 1 >= raw.size()) {
        error(at,
              "Invalid escape sequence: a backslash must be followed by an escape sequence "
              "selector character");
        break;
      }
      const char selector = raw[++i];
      switch (selector) {
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case '"':
          out += '"';
          break;
        case '\\':
          out += '\\';
          break;
        case 'u':
        case 'U': {
          const std::size_t digits = selector == 'u' ? 4 : 8;
          const std::string_view hex = raw.substr(i + 1, digits);
          std::uint32_t code_point = 0;
          const auto [end, ec] =
              std::from_chars(hex.data(), hex.data() + hex.size(), code_point, 16);
          if (hex.size() != digits || ec != std::errc() || end != hex.data() + hex.size()) {
            error(escape_range(token, i - 1, 2),
                  fmt::format("Invalid escape sequence: the \\{} escape sequence must be followed "
                              "by {} hexadecimal digits",
                              selector, digits));
            break;
          }
          if (code_point > 0x10ffff || (code_point >= 0xd800 && code_point <= 0xdfff)) {
            error(escape_range(token, i - 1, digits + 2),
                  fmt::format("Invalid escape sequence: cannot encode character U+{:04X} in UTF-8",
                              code_point));
          } else {
            append_utf8(out, code_point);
          }
          i += digits;
          break;
        }
        default:
          error(escape_range(token, i - 1, 2),
                fmt::format("Invalid escape sequence: \\{} is not a valid escape sequence",
                            selector));
          out += selector;
      }
    }
    return out;
  }

  static Range escape_range(const Token& token, std::size_t offset, std::size_t length) {
    Range range;
    range.start = token.range.start;
    range.start.column += static_cast<std::uint32_t>(offset);
    range.start.byte += static_cast<std::uint32_t>(offset);
    range.end = range.start;
    range.end.column += static_cast<std::uint32_t>(length);
    range.end.byte += static_cast<std::uint32_t>(length);
    return range;
  }

  // --- expressions ------------------------------------------------------------------------

 public:
  ExprId parse_expression() {
    DepthScope depth(*this);
    if (too_deep()) return invalid(peek().range);
    return parse_conditional();
  }

 private:
  ExprId parse_conditional() {
    const std::size_t errors_before = tree_.errors.size();
    const ExprId condition = parse_binary(1);
    if (recovery_ && tree_.errors.size() > errors_before) return condition;
    if (peek().type != TokenType::question) return condition;
    read();
    const ExprId if_true = parse_expression();
    if (recovery_ && tree_.errors.size() > errors_before) return condition;
    const Token colon = peek();
    if (colon.type != TokenType::colon) {
      error(colon.range,
            "Missing false expression in conditional: the conditional operator "
            "(...?...:...) requires a false expression, delimited by a colon");
      return condition;
    }
    read();
    const ExprId if_false = parse_expression();
    if (recovery_ && tree_.errors.size() > errors_before) return condition;
    return add(Conditional{condition, if_true, if_false},
               span(range_of(condition), range_of(if_false)));
  }

  // Operators of `min_level` and tighter, left-associative, by precedence climbing: one frame
  // per operator rather than one per precedence level, so that deep nesting costs little stack.
  ExprId parse_binary(int min_level) {
    const std::size_t errors_before = tree_.errors.size();
    ExprId left = parse_term_with_traversals();
    if (recovery_ && tree_.errors.size() > errors_before) return left;
    while (true) {
      const auto found = binary_operator(peek().type);
      if (!found || found->level < min_level) return left;
      read();
      const ExprId right = parse_binary(found->level + 1);
      left = add(BinaryOp{found->op, left, right}, span(range_of(left), range_of(right)));
      if (recovery_ && tree_.errors.size() > errors_before) return left;
    }
  }

  ExprId parse_term_with_traversals() {
    const ExprId term = parse_term();
    return parse_traversals(term);
  }

  // Appends a step to a traversal expression, or starts a relative traversal.
  ExprId extend_traversal(ExprId from, Step step) {
    Expression& expression = tree_[from];
    const Range step_range = step.range;
    if (auto* scope = std::get_if<ScopeTraversal>(&expression.node)) {
      scope->steps.push_back(std::move(step));
      expression.range = span(expression.range, step_range);
      return from;
    }
    if (auto* relative = std::get_if<RelativeTraversal>(&expression.node)) {
      relative->steps.push_back(std::move(step));
      expression.range = span(expression.range, step_range);
      return from;
    }
    const Range range = span(range_of(from), step_range);
    return add(RelativeTraversal{from, {std::move(step)}}, range);
  }

  // A legacy index `.0` (HIL's form, kept by hclsyntax for old configurations).
  std::optional<Step> legacy_index(const Token& dot, const Token& number) {
    const std::string_view digits = text(number);
    if (digits.find_first_not_of("0123456789") != std::string_view::npos) {
      error(number.range,
            "Invalid legacy index syntax: when using the legacy index syntax, chaining two "
            "indexes together is not permitted; use the proper index syntax instead, like [0][1]");
      return std::nullopt;
    }
    Step step;
    step.kind = Step::Kind::index;
    step.key = {Literal::Kind::number, std::string(digits)};
    step.range = span(dot.range, number.range);
    return step;
  }

  ExprId parse_traversals(ExprId from) {
    ExprId result = from;
    while (true) {
      const Token next = peek();
      if (next.type == TokenType::dot) {
        const Token dot = read();
        const Token name = peek();
        if (name.type == TokenType::identifier) {
          read();
          result = extend_traversal(
              result,
              Step{
                  Step::Kind::attribute, std::string(text(name)), {}, span(dot.range, name.range)});
        } else if (name.type == TokenType::number) {
          read();
          if (auto step = legacy_index(dot, name)) {
            result = extend_traversal(result, std::move(*step));
          } else {
            recovery_ = true;
          }
        } else if (name.type == TokenType::star) {
          result = finish_attribute_splat(result, dot);
        } else {
          error(name.range, "Invalid attribute name: an attribute name is required after a dot");
          recovery_ = true;
          return result;
        }
        continue;
      }
      if (next.type == TokenType::open_bracket) {
        const Token open = read();
        if (peek().type == TokenType::star) {
          read();
          Token close = read();
          if (close.type != TokenType::close_bracket && !recovery_) {
            error(close.range,
                  "Missing close bracket on splat index: the star for a full splat "
                  "operator must be immediately followed by a closing bracket");
            close = recover(TokenType::close_bracket);
          }
          const ExprId item = add(AnonSymbol{}, span(open.range, close.range));
          const ExprId each = parse_traversals(item);
          result = add(SplatExpr{result, each, item}, span(range_of(from), range_of(each)));
          continue;
        }
        Token close;
        ExprId key;
        {
          NewlinesScope newlines(*this, false);
          const std::size_t errors_before = tree_.errors.size();
          key = parse_expression();
          if (recovery_ && tree_.errors.size() > errors_before) {
            close = recover(TokenType::close_bracket);
          } else {
            close = read();
            if (close.type != TokenType::close_bracket && !recovery_) {
              error(close.range,
                    "Missing close bracket on index: the index operator must end with a "
                    "closing bracket (\"]\")");
              close = recover(TokenType::close_bracket);
            }
          }
        }
        const Range range = span(open.range, close.range);
        if (auto literal = literal_key(key)) {
          Step step;
          step.kind = Step::Kind::index;
          step.key = std::move(*literal);
          step.range = range;
          result = extend_traversal(result, std::move(step));
        } else {
          result = add(IndexExpr{result, key}, span(range_of(from), range));
        }
        continue;
      }
      return result;
    }
  }

  // The key of `[key]` when it is a literal (a number, a string, true, false or null).
  std::optional<Literal> literal_key(ExprId key) const {
    const ExpressionNode& node = tree_[key].node;
    if (const auto* literal = std::get_if<Literal>(&node)) return *literal;
    if (const auto* text = std::get_if<TemplateExpr>(&node)) {
      if (text->parts.size() == 1) {
        if (const auto* part = std::get_if<Literal>(&tree_[text->parts[0]].node)) return *part;
      }
    }
    return std::nullopt;
  }

  // source.*.a.b: attribute steps only, applied to every element.
  ExprId finish_attribute_splat(ExprId source, const Token& dot) {
    const Token star = read();
    const ExprId item = add(AnonSymbol{}, span(dot.range, star.range));
    ExprId each = item;
    Range last = star.range;
    while (peek().type == TokenType::dot) {
      const Token step_dot = read();
      const Token name = peek();
      if (name.type == TokenType::number) {
        read();
        if (auto step = legacy_index(step_dot, name))
          each = extend_traversal(each, std::move(*step));
        last = name.range;
        continue;
      }
      if (name.type != TokenType::identifier) {
        if (!recovery_) {
          error(name.range, name.type == TokenType::star
                                ? "Nested splat expression not allowed: a splat expression (*) "
                                  "cannot be used inside another attribute-only splat expression"
                                : "Invalid attribute name: an attribute name is required after a "
                                  "dot");
        }
        recovery_ = true;
        break;
      }
      read();
      each = extend_traversal(each, Step{Step::Kind::attribute,
                                         std::string(text(name)),
                                         {},
                                         span(step_dot.range, name.range)});
      last = name.range;
    }
    return add(SplatExpr{source, each, item}, span(range_of(source), last));
  }

  ExprId parse_term() {
    const Token start = peek();
    switch (start.type) {
      case TokenType::open_paren:
        return parse_parentheses();
      case TokenType::number:
        read();
        return add(Literal{Literal::Kind::number, std::string(text(start))}, start.range);
      case TokenType::identifier: {
        read();
        if (peek().type == TokenType::open_paren) return finish_function_call(start);
        const std::string_view name = text(start);
        if (name.find("::") != std::string_view::npos) {
          error(start.range, fmt::format("Invalid reference: '{}' names a provider function, "
                                         "which must be called with parentheses",
                                         name));
        }
        if (name == "true" || name == "false")
          return add(Literal{Literal::Kind::boolean, std::string(name)}, start.range);
        if (name == "null") return add(Literal{Literal::Kind::null, {}}, start.range);
        return add(ScopeTraversal{std::string(name), {}}, start.range);
      }
      case TokenType::open_quote:
      case TokenType::open_heredoc: {
        const Token open = read();
        const bool heredoc = open.type == TokenType::open_heredoc;
        const bool flush = heredoc && text(open).substr(0, 3) == "<<-";
        return parse_template_parts(heredoc ? TokenType::close_heredoc : TokenType::close_quote,
                                    flush, open.range);
      }
      case TokenType::minus:
      case TokenType::bang: {
        // Each operator of `- - - x` is a level, as each bracket is.
        DepthScope depth(*this);
        if (too_deep()) return invalid(peek().range);
        read();
        // The operand is a term: -46+5 is (-46)+5.
        const ExprId operand = parse_term_with_traversals();
        return add(
            UnaryOp{start.type == TokenType::minus ? Operator::negate : Operator::logical_not,
                    operand},
            span(start.range, range_of(operand)));
      }
      case TokenType::open_bracket:
        return parse_tuple();
      case TokenType::open_brace:
        return parse_object();
      default:
        if (!recovery_) {
          if (start.type == TokenType::end_of_file) {
            error(start.range,
                  "Missing expression: expected the start of an expression, but "
                  "found the end of the file");
          } else if (start.type != TokenType::invalid) {
            error(start.range,
                  "Invalid expression: expected the start of an expression, but "
                  "found an invalid expression token");
          }
        }
        recovery_ = true;
        return invalid(start.range);
    }
  }

  ExprId parse_parentheses() {
    const Token open = read();
    NewlinesScope newlines(*this, false);
    const std::size_t errors_before = tree_.errors.size();
    const ExprId inner = parse_expression();
    if (tree_.errors.size() > errors_before) {
      const Token close = recover(TokenType::close_paren);
      return add(Parentheses{inner}, span(open.range, close.range));
    }
    const Token close = peek();
    if (close.type != TokenType::close_paren) {
      error(close.range,
            "Unbalanced parentheses: expected a closing parenthesis to terminate "
            "the expression");
      recovery_ = true;
    }
    read();
    return add(Parentheses{inner}, span(open.range, close.range));
  }

  ExprId finish_function_call(const Token& name) {
    const Token open = read();
    FunctionCall call;
    call.name = std::string(text(name));
    call.name_range = name.range;
    NewlinesScope newlines(*this, false);
    Token close = open;
    while (true) {
      if (peek().type == TokenType::close_paren) {
        close = read();
        break;
      }
      const std::size_t errors_before = tree_.errors.size();
      call.arguments.push_back(parse_expression());
      if (recovery_ && tree_.errors.size() > errors_before) {
        close = recover(TokenType::close_paren);
        break;
      }
      const Token separator = read();
      if (separator.type == TokenType::close_paren) {
        close = separator;
        break;
      }
      if (separator.type == TokenType::ellipsis) {
        call.expand_last = true;
        if (peek().type != TokenType::close_paren) {
          if (!recovery_) {
            error(separator.range,
                  "Missing closing parenthesis: an expanded function argument "
                  "(with ...) must be immediately followed by closing "
                  "parentheses");
          }
          close = recover(TokenType::close_paren);
        } else {
          close = read();
        }
        break;
      }
      if (separator.type != TokenType::comma) {
        if (separator.type == TokenType::end_of_file) {
          error(span(name.range, open.range),
                "Unterminated function call: there is no closing parenthesis for this function "
                "call before the end of the file");
        } else if (separator.type != TokenType::invalid) {
          error(separator.range,
                "Missing argument separator: a comma is required to separate "
                "each function argument from the next");
        }
        close = recover(TokenType::close_paren);
        break;
      }
      if (peek().type == TokenType::close_paren) {
        close = read();
        break;
      }
    }
    return add(std::move(call), span(name.range, close.range));
  }

  bool is_keyword(const Token& token, std::string_view keyword) const {
    return token.type == TokenType::identifier && text(token) == keyword;
  }

  ExprId parse_tuple() {
    const Token open = read();
    NewlinesScope newlines(*this, false);
    if (is_keyword(peek(), "for")) return finish_for(open);
    TupleCons tuple;
    Token close = open;
    while (true) {
      if (peek().type == TokenType::close_bracket) {
        close = read();
        break;
      }
      const std::size_t errors_before = tree_.errors.size();
      tuple.items.push_back(parse_expression());
      if (recovery_ && tree_.errors.size() > errors_before) {
        close = recover(TokenType::close_bracket);
        break;
      }
      const Token next = peek();
      if (next.type == TokenType::close_bracket) {
        close = read();
        break;
      }
      if (next.type != TokenType::comma) {
        if (!recovery_) {
          if (next.type == TokenType::end_of_file) {
            error(open.range,
                  "Unterminated tuple constructor expression: there is no "
                  "corresponding closing bracket before the end of the file");
          } else if (next.type != TokenType::invalid) {
            error(next.range,
                  "Missing item separator: expected a comma to mark the beginning "
                  "of the next item");
          }
        }
        close = recover(TokenType::close_bracket);
        break;
      }
      read();
    }
    return add(std::move(tuple), span(open.range, close.range));
  }

  ExprId parse_object() {
    const Token open = read();
    bool is_for = false;
    {
      NewlinesScope newlines(*this, false);
      is_for = is_keyword(peek(), "for");
    }
    if (is_for) return finish_for(open);
    NewlinesScope newlines(*this, true);
    ObjectCons object;
    Token close = open;
    while (true) {
      Token next = peek();
      if (next.type == TokenType::newline) {
        read();
        continue;
      }
      if (next.type == TokenType::close_brace) {
        close = read();
        break;
      }
      const bool forced = next.type == TokenType::open_paren;
      const std::size_t errors_before = tree_.errors.size();
      const ExprId key = parse_expression();
      if (recovery_ && tree_.errors.size() > errors_before) {
        close = recover(TokenType::close_brace);
        break;
      }
      next = peek();
      if (next.type != TokenType::assign && next.type != TokenType::colon) {
        if (!recovery_) {
          if (next.type == TokenType::newline || next.type == TokenType::comma) {
            error(next.range,
                  "Missing attribute value: expected an attribute value, introduced "
                  "by an equals sign (\"=\")");
          } else if (next.type == TokenType::end_of_file) {
            error(open.range,
                  "Unterminated object constructor expression: there is no "
                  "corresponding closing brace before the end of the file");
          } else if (next.type != TokenType::invalid) {
            error(next.range,
                  "Missing key/value separator: expected an equals sign (\"=\") to "
                  "mark the beginning of the attribute value");
          }
        }
        close = recover(TokenType::close_brace);
        break;
      }
      read();
      const ExprId value = parse_expression();
      object.items.push_back({key, value, forced});
      if (recovery_ && tree_.errors.size() > errors_before) {
        close = recover(TokenType::close_brace);
        break;
      }
      next = peek();
      if (next.type == TokenType::close_brace) {
        close = read();
        break;
      }
      if (next.type != TokenType::comma && next.type != TokenType::newline) {
        if (!recovery_) {
          if (next.type == TokenType::end_of_file) {
            error(open.range,
                  "Unterminated object constructor expression: there is no "
                  "corresponding closing brace before the end of the file");
          } else if (next.type != TokenType::invalid) {
            error(next.range,
                  "Missing attribute separator: expected a newline or comma to mark "
                  "the beginning of the next attribute");
          }
        }
        close = recover(TokenType::close_brace);
        break;
      }
      read();
    }
    return add(std::move(object), span(open.range, close.range));
  }

  ExprId for_error(const Token& open, TokenType close_type, std::string message) {
    if (!recovery_) error(peek().range, "Invalid 'for' expression: " + std::move(message));
    const Token close = recover(close_type);
    return invalid(span(open.range, close.range));
  }

  ExprId finish_for(const Token& open) {
    NewlinesScope newlines(*this, false);
    read();  // for
    const bool object = open.type == TokenType::open_brace;
    const TokenType close_type = object ? TokenType::close_brace : TokenType::close_bracket;
    ForExpr node;
    node.object = object;
    if (peek().type != TokenType::identifier)
      return for_error(open, close_type, "a variable name is required after 'for'");
    node.value_var = std::string(text(read()));
    if (peek().type == TokenType::comma) {
      read();
      node.key_var = std::move(node.value_var);
      if (peek().type != TokenType::identifier)
        return for_error(open, close_type, "a value variable name is required after the comma");
      node.value_var = std::string(text(read()));
    }
    if (!is_keyword(peek(), "in"))
      return for_error(open, close_type, "the 'in' keyword is required after the names");
    read();
    const std::size_t errors_before = tree_.errors.size();
    node.collection = parse_expression();
    if (recovery_ && tree_.errors.size() > errors_before) {
      const Token close = recover(close_type);
      return invalid(span(open.range, close.range));
    }
    if (peek().type != TokenType::colon)
      return for_error(open, close_type, "a colon is required after the collection expression");
    read();
    node.value = parse_expression();
    if (peek().type == TokenType::fat_arrow) {
      read();
      node.key = node.value;
      node.value = parse_expression();
    }
    if (recovery_ && tree_.errors.size() > errors_before) {
      const Token close = recover(close_type);
      return invalid(span(open.range, close.range));
    }
    Range ellipsis{};
    if (peek().type == TokenType::ellipsis) {
      ellipsis = read().range;
      node.group = true;
    }
    if (is_keyword(peek(), "if")) {
      read();
      node.condition = parse_expression();
      if (recovery_ && tree_.errors.size() > errors_before) {
        const Token close = recover(close_type);
        return invalid(span(open.range, close.range));
      }
    }
    Token close = peek();
    if (close.type == close_type) {
      read();
    } else {
      if (!recovery_) {
        error(close.range,
              "Invalid 'for' expression: extra characters after the end of the "
              "'for' expression");
      }
      close = recover(close_type);
    }
    const Range range = span(open.range, close.range);
    if (!object) {
      if (node.key != kNoExpr) {
        error(range_of(node.key),
              "Invalid 'for' expression: a key expression is not valid when "
              "building a tuple");
      }
      if (node.group) {
        error(ellipsis,
              "Invalid 'for' expression: the grouping ellipsis (...) cannot be used "
              "when building a tuple");
      }
    } else if (node.key == kNoExpr) {
      error(range_of(node.value),
            "Invalid 'for' expression: a key expression is required when "
            "building an object");
    }
    return add(std::move(node), range);
  }

  // --- templates --------------------------------------------------------------------------

  // The pieces of a template up to `end` (consumed), then nested into an expression.
  ExprId parse_template_parts(TokenType end, bool flush, const Range& open) {
    DepthScope depth(*this);
    if (too_deep()) return invalid(open);
    std::vector<TemplatePiece> pieces;
    Range end_range = open;
    bool trim_next = false;         // the last sequence ended with `~}`
    bool previous_literal = false;  // the last piece was literal text
    NewlinesScope newlines(*this, true);
    while (true) {
      const Token next = read();
      if (next.type == end) {
        end_range = next.range;
        break;
      }
      const bool trim = trim_next;
      trim_next = false;
      const bool after_literal = previous_literal;
      previous_literal = false;
      if (next.type == TokenType::quoted_literal || next.type == TokenType::heredoc_literal) {
        std::string value = next.type == TokenType::quoted_literal ? unescape_quoted(next)
                                                                   : unescape_template(text(next));
        if (trim) value = trim_space_left(value);
        pieces.push_back(
            {TemplatePiece::Kind::literal, std::move(value), kNoExpr, {}, {}, next.range});
        previous_literal = true;
        continue;
      }
      if (next.type == TokenType::template_interp || next.type == TokenType::template_control) {
        if (text(next).ends_with('~') && after_literal && !pieces.empty() &&
            pieces.back().kind == TemplatePiece::Kind::literal) {
          pieces.back().text = trim_space_right(pieces.back().text);
        }
        std::optional<TemplatePiece> piece = next.type == TokenType::template_interp
                                                 ? parse_interpolation(next, end)
                                                 : parse_directive(next);
        if (piece) pieces.push_back(std::move(*piece));
        trim_next = last_sequence_stripped_;
        continue;
      }
      if (!recovery_) {
        if (next.type == TokenType::end_of_file) {
          error(open, end == TokenType::close_heredoc
                          ? "Unterminated template string: no closing marker was found for the "
                            "heredoc"
                          : "Unterminated template string: no closing marker was found for the "
                            "string");
        } else if (next.type != TokenType::invalid) {
          error(next.range,
                "Unterminated template string: no closing marker was found for the "
                "string");
        }
      }
      end_range = next.type == TokenType::end_of_file ? next.range : recover(end).range;
      break;
    }
    if (flush) flush_heredoc(pieces);
    const Range range = span(open, end_range);
    if (pieces.empty()) {
      // "" is an empty string.
      Range empty{open.end, open.end};
      pieces.push_back({TemplatePiece::Kind::literal, {}, kNoExpr, {}, {}, empty});
    }
    if (pieces.size() == 1 && pieces[0].kind == TemplatePiece::Kind::interpolation) {
      return add(TemplateWrap{pieces[0].expression}, range);
    }
    std::size_t at = 0;
    TemplateExpr root = nest_template(pieces, at, {});
    return add(std::move(root), range);
  }

  // A heredoc or standalone template literal: `$${` and `%%{` are the only escapes.
  static std::string unescape_template(std::string_view raw) {
    std::string out;
    out.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
      out += raw[i];
      if ((raw[i] == '$' || raw[i] == '%') && i + 2 < raw.size() && raw[i + 1] == raw[i] &&
          raw[i + 2] == '{') {
        out += '{';
        i += 2;
      }
    }
    return out;
  }

  std::optional<TemplatePiece> parse_interpolation(const Token& open, TokenType end) {
    NewlinesScope newlines(*this, false);
    last_sequence_stripped_ = false;
    const ExprId expression = parse_expression();
    const Token close = peek();
    if (close.type != TokenType::template_end) {
      if (!recovery_) {
        if (close.type == TokenType::end_of_file) {
          error(open.range,
                "Unclosed template interpolation sequence: there is no closing "
                "brace for this interpolation sequence before the end of the file");
        } else if ((close.type == TokenType::close_quote || close.type == TokenType::open_quote) &&
                   end == TokenType::close_quote) {
          error(open.range,
                "Unclosed template interpolation sequence: there is no closing "
                "brace for this interpolation sequence before the end of the quoted "
                "template");
        } else if (close.type != TokenType::invalid) {
          error(close.range,
                "Extra characters after interpolation expression: expected a closing brace to "
                "end the interpolation expression (to write a literal \"${\", escape it as "
                "\"$${\")");
        }
      }
      recover(TokenType::template_end);
    } else {
      read();
      last_sequence_stripped_ = text(close).starts_with('~');
    }
    return TemplatePiece{TemplatePiece::Kind::interpolation, {}, expression, {}, {},
                         span(open.range, previous_)};
  }

  std::optional<TemplatePiece> parse_directive(const Token& open) {
    NewlinesScope newlines(*this, false);
    last_sequence_stripped_ = false;
    const Token keyword = peek();
    if (keyword.type != TokenType::identifier) {
      if (!recovery_) {
        error(keyword.range,
              "Invalid template directive: a template directive keyword (\"if\", "
              "\"for\", etc) is expected at the beginning of a %{ sequence");
      }
      recover(TokenType::template_end);
      return std::nullopt;
    }
    read();
    const std::string_view word = text(keyword);
    TemplatePiece piece;
    if (word == "if") {
      piece.kind = TemplatePiece::Kind::if_start;
      piece.expression = parse_expression();
    } else if (word == "else") {
      piece.kind = TemplatePiece::Kind::else_branch;
    } else if (word == "endif") {
      piece.kind = TemplatePiece::Kind::end_if;
    } else if (word == "endfor") {
      piece.kind = TemplatePiece::Kind::end_for;
    } else if (word == "for") {
      piece.kind = TemplatePiece::Kind::for_start;
      if (peek().type != TokenType::identifier) {
        if (!recovery_)
          error(peek().range, "Invalid 'for' directive: a variable name is required after 'for'");
        recover(TokenType::template_end);
        return std::nullopt;
      }
      piece.value_var = std::string(text(read()));
      if (peek().type == TokenType::comma) {
        read();
        piece.key_var = std::move(piece.value_var);
        if (peek().type != TokenType::identifier) {
          if (!recovery_) {
            error(peek().range,
                  "Invalid 'for' directive: a value variable name is required after the comma");
          }
          recover(TokenType::template_end);
          return std::nullopt;
        }
        piece.value_var = std::string(text(read()));
      }
      if (!is_keyword(peek(), "in")) {
        if (!recovery_)
          error(peek().range, "Invalid 'for' directive: the 'in' keyword is required after names");
        recover(TokenType::template_end);
        return std::nullopt;
      }
      read();
      piece.expression = parse_expression();
    } else {
      if (!recovery_) {
        error(keyword.range,
              fmt::format("Invalid template control keyword: \"{}\" is not a valid template "
                          "control keyword (if, for, else, endif or endfor)",
                          word));
      }
      recover(TokenType::template_end);
      return std::nullopt;
    }
    const Token close = peek();
    if (close.type != TokenType::template_end) {
      if (!recovery_) {
        error(close.range, fmt::format("Extra characters in {} marker: expected a closing brace "
                                       "to end the sequence",
                                       word));
      }
      recover(TokenType::template_end);
    } else {
      read();
      last_sequence_stripped_ = text(close).starts_with('~');
    }
    piece.range = span(open.range, previous_);
    return piece;
  }

  // Strips the common leading white space of the heredoc's lines (spec: `<<-`). Lines of white
  // space only do not count, and a line that starts with a sequence has none.
  static void flush_heredoc(std::vector<TemplatePiece>& pieces) {
    std::size_t least = static_cast<std::size_t>(-1);
    bool line_start = true;
    std::vector<TemplatePiece*> adjust;
    for (TemplatePiece& piece : pieces) {
      if (line_start) {
        line_start = false;
        std::size_t spaces = 0;
        if (piece.kind == TemplatePiece::Kind::literal) {
          const auto [characters, bytes] = leading_space(piece.text);
          if (bytes == piece.text.size() && piece.text.ends_with('\n')) {
            spaces = static_cast<std::size_t>(-1);
          } else {
            spaces = characters;
            adjust.push_back(&piece);
          }
        }
        least = std::min(least, spaces);
      }
      if (piece.kind == TemplatePiece::Kind::literal && piece.text.ends_with('\n'))
        line_start = true;
    }
    if (least == static_cast<std::size_t>(-1)) return;
    for (TemplatePiece* piece : adjust) {
      std::size_t bytes = 0;
      for (std::size_t k = 0; k < least; ++k) bytes += decode_utf8(piece->text, bytes).second;
      piece->text.erase(0, bytes);
      piece->range.start.column += static_cast<std::uint32_t>(bytes);
      piece->range.start.byte += static_cast<std::uint32_t>(bytes);
    }
  }

  // Nests if/else/for pieces from `at` up to one of `closers` (left unconsumed), or the end.
  TemplateExpr nest_template(std::vector<TemplatePiece>& pieces, std::size_t& at,
                             std::initializer_list<TemplatePiece::Kind> closers) {
    TemplateExpr result;
    while (at < pieces.size()) {
      TemplatePiece& piece = pieces[at];
      if (std::find(closers.begin(), closers.end(), piece.kind) != closers.end()) return result;
      ++at;
      switch (piece.kind) {
        case TemplatePiece::Kind::literal:
          result.parts.push_back(
              add(Literal{Literal::Kind::string, std::move(piece.text)}, piece.range));
          break;
        case TemplatePiece::Kind::interpolation:
          result.parts.push_back(piece.expression);
          break;
        case TemplatePiece::Kind::if_start: {
          TemplateIf node;
          node.condition = piece.expression;
          const Range start = piece.range;
          TemplateExpr then_branch =
              nest_template(pieces, at,
                            {TemplatePiece::Kind::else_branch, TemplatePiece::Kind::end_if,
                             TemplatePiece::Kind::end_for});
          node.then_branch = add(std::move(then_branch), start);
          if (at < pieces.size() && pieces[at].kind == TemplatePiece::Kind::else_branch) {
            const Range else_range = pieces[at].range;
            ++at;
            TemplateExpr else_branch =
                nest_template(pieces, at,
                              {TemplatePiece::Kind::end_if, TemplatePiece::Kind::end_for,
                               TemplatePiece::Kind::else_branch});
            node.else_branch = add(std::move(else_branch), else_range);
          }
          Range end = start;
          if (at < pieces.size() && pieces[at].kind == TemplatePiece::Kind::end_if) {
            end = pieces[at++].range;
          } else {
            error(start,
                  "Unterminated template if directive: there is no %{endif} for this "
                  "%{if}");
          }
          result.parts.push_back(add(node, span(start, end)));
          break;
        }
        case TemplatePiece::Kind::for_start: {
          TemplateFor node;
          node.key_var = std::move(piece.key_var);
          node.value_var = std::move(piece.value_var);
          node.collection = piece.expression;
          const Range start = piece.range;
          TemplateExpr body =
              nest_template(pieces, at,
                            {TemplatePiece::Kind::end_for, TemplatePiece::Kind::end_if,
                             TemplatePiece::Kind::else_branch});
          node.body = add(std::move(body), start);
          Range end = start;
          if (at < pieces.size() && pieces[at].kind == TemplatePiece::Kind::end_for) {
            end = pieces[at++].range;
          } else {
            error(start,
                  "Unterminated template for directive: there is no %{endfor} for this "
                  "%{for}");
          }
          result.parts.push_back(add(std::move(node), span(start, end)));
          break;
        }
        case TemplatePiece::Kind::else_branch:
        case TemplatePiece::Kind::end_if:
        case TemplatePiece::Kind::end_for:
          error(piece.range,
                "Unexpected template directive: this %{else}, %{endif} or "
                "%{endfor} has no %{if} or %{for} to end");
          break;
      }
    }
    return result;
  }

  std::string_view source_;
  std::uint32_t first_byte_;
  std::vector<Token> tokens_;
  SyntaxTree& tree_;
  ParseLimits limits_;
  std::size_t next_ = 0;
  Range previous_{};
  std::vector<bool> include_newlines_;
  bool recovery_ = false;
  static constexpr std::size_t kMostErrors = 100;
  bool stopped_ = false;
  std::uint32_t stopped_at_ = 0;
  bool last_sequence_stripped_ = false;
  unsigned depth_ = 0;
};

}  // namespace

SyntaxTree parse_config(std::string_view source, FileId file, const ParseLimits& limits) {
  SyntaxTree tree;
  tree.file = file;
  Parser parser(source, 0, scan(source, std::min(limits.max_depth, kMaxNesting)), tree, limits);
  tree.body = parser.parse_file();
  return tree;
}

ExprId parse_expression(std::string_view source, const Position& origin, SyntaxTree& tree,
                        const ParseLimits& limits) {
  Parser parser(source, origin.byte,
                scan(source, std::min(limits.max_depth, kMaxNesting), ScanMode::expression, origin),
                tree, limits);
  return parser.parse_lone_expression();
}

ExprId parse_template(std::string_view source, const Position& origin, SyntaxTree& tree,
                      const ParseLimits& limits) {
  Parser parser(
      source, origin.byte,
      scan(source, std::min(limits.max_depth, kMaxNesting), ScanMode::template_text, origin), tree,
      limits);
  return parser.parse_lone_template();
}

}  // namespace dnslint::hcl
