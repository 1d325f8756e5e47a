#include "formats/terraform/hcl_scanner.hpp"

#include <fmt/format.h>

#include <string>

namespace dnslint::hcl {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// The length of the UTF-8 sequence at `text` (1 to 4), or 0 when it is not valid UTF-8
// (overlong forms, surrogates and code points past U+10FFFF included).
std::size_t utf8_length(std::string_view text, char32_t& code_point) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(0);
  std::size_t length = 0;
  if (lead < 0x80) {
    code_point = lead;
    return 1;
  }
  if (lead >= 0xc2 && lead <= 0xdf) {
    length = 2;
    code_point = lead & 0x1fu;
  } else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    code_point = lead & 0x0fu;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    code_point = lead & 0x07u;
  } else {
    return 0;
  }
  if (text.size() < length) return 0;
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(i) & 0xc0) != 0x80) return 0;
    code_point = (code_point << 6) | (byte(i) & 0x3fu);
  }
  const char32_t least[] = {0, 0, 0x80, 0x800, 0x10000};
  if (code_point < least[length] || code_point > 0x10ffff ||
      (code_point >= 0xd800 && code_point <= 0xdfff)) {
    return 0;
  }
  return length;
}

// Non-ASCII characters that cannot be part of an identifier: spaces, punctuation and symbols
// of the Latin-1 supplement and the general punctuation block, and the byte order mark. (The
// rest is taken as letters: identifiers follow UAX #31, and a DNS linter need not know every
// letter of every script to read the names people give their resources.)
bool is_non_identifier(char32_t c) {
  if (c >= 0xa0 && c <= 0xbf) return c != 0xaa && c != 0xb5 && c != 0xba;
  return c == 0xd7 || c == 0xf7 || (c >= 0x2000 && c <= 0x206f) || (c >= 0x3000 && c <= 0x3003) ||
         c == 0xfeff || (c >= 0xff01 && c <= 0xff0f);
}

class Scanner {
  static constexpr std::size_t kMostErrors = 100;

 public:
  Scanner(std::string_view source, unsigned max_depth, ScanMode mode, const Position& origin)
      : text_(source), max_depth_(max_depth), origin_(origin), line_(origin.line) {
    if (mode == ScanMode::template_text) {
      contexts_.push_back(Context(Context::Kind::standalone));
      return;
    }
    // hclsyntax skips a UTF-8 byte order mark.
    if (text_.substr(0, 3) == "\xef\xbb\xbf") advance(3);
    contexts_.push_back(Context(Context::Kind::expression));
  }

  ScanResult run() {
    while (!done_) {
      switch (contexts_.back().kind) {
        case Context::Kind::expression:
          scan_expression();
          break;
        case Context::Kind::quoted:
          scan_quoted();
          break;
        case Context::Kind::heredoc:
          scan_heredoc();
          break;
        case Context::Kind::standalone:
          scan_standalone();
          break;
      }
    }
    return std::move(result_);
  }

 private:
  struct Context {
    enum class Kind { expression, quoted, heredoc, standalone };
    explicit Context(Kind kind_, std::string_view marker_ = {}) : kind(kind_), marker(marker_) {}
    Kind kind;
    // expression: braces opened in it and not yet closed. A template sequence (`${`) is an
    // expression context whose unmatched `}` ends the sequence.
    unsigned braces = 0;
    std::string_view marker;    // heredoc
    bool at_line_start = true;  // heredoc
  };

  bool at_end() const { return pos_ >= text_.size(); }
  char peek(std::size_t ahead = 0) const {
    return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
  }
  Position here() const {
    // The first line starts at the origin's column; later lines at column 1.
    const std::size_t first_column = line_ == origin_.line ? origin_.column : 1;
    return {line_, static_cast<std::uint32_t>(pos_ - line_start_ + first_column),
            static_cast<std::uint32_t>(origin_.byte + pos_)};
  }

  void advance(std::size_t count) {
    for (std::size_t i = 0; i < count && pos_ < text_.size(); ++i) {
      if (text_[pos_++] == '\n') {
        ++line_;
        line_start_ = pos_;
      }
    }
  }

  void emit(TokenType type, const Position& start) {
    if (done_) return;  // stopped: the end of file is the last token
    result_.tokens.push_back({type, {start, here()}});
  }
  // Takes `length` characters as one token.
  void take(TokenType type, std::size_t length) {
    const Position start = here();
    advance(length);
    emit(type, start);
  }
  void error(const Range& range, std::string message) {
    if (done_) return;
    result_.errors.push_back({range, std::move(message)});
    // Text this far from HCL (random bytes, another language) is not worth scanning to its end.
    if (result_.errors.size() == kMostErrors) {
      result_.errors.push_back(
          {range, fmt::format("{} syntax errors: dnslint stops reading here, and the rest of the "
                              "file is not checked (fix these first)",
                              kMostErrors)});
      finish();
    }
  }

  void push(Context context) {
    if (contexts_.size() >= max_depth_) {
      error({here(), here()},
            fmt::format("braces and templates are nested more than {} deep; the rest of the "
                        "file is not read",
                        max_depth_));
      finish();
      return;
    }
    contexts_.push_back(context);
  }

  void finish() {
    if (done_) return;
    const Position end = here();
    result_.tokens.push_back({TokenType::end_of_file, {end, end}});
    done_ = true;
  }

  // A newline: "\n" or "\r\n".
  std::size_t newline_length() const {
    if (peek() == '\n') return 1;
    if (peek() == '\r' && peek(1) == '\n') return 2;
    return 0;
  }

  void scan_expression() {
    while (peek() == ' ' || peek() == '\t') advance(1);
    if (at_end()) return finish();
    if (const std::size_t newline = newline_length()) return take(TokenType::newline, newline);
    const char c = peek();
    const char next = peek(1);
    Context& context = contexts_.back();
    if (c == '#' || (c == '/' && next == '/')) return line_comment(c == '#' ? 1 : 2);
    if (c == '/' && next == '*') return block_comment();
    if (is_digit(c)) return number();
    if (is_ascii_letter(c) || c == '_' || static_cast<unsigned char>(c) >= 0x80)
      return identifier();
    switch (c) {
      case '"':
        take(TokenType::open_quote, 1);
        return push(Context(Context::Kind::quoted));
      case '<':
        if (next == '<' && heredoc()) return;
        return take(next == '=' ? TokenType::less_equal : TokenType::less, next == '=' ? 2 : 1);
      case '{':
        ++context.braces;
        return take(TokenType::open_brace, 1);
      case '}':
        if (context.braces == 0 && contexts_.size() > 1) {
          take(TokenType::template_end, 1);
          contexts_.pop_back();
          return;
        }
        if (context.braces > 0) --context.braces;
        return take(TokenType::close_brace, 1);
      case '~':
        if (next == '}' && context.braces == 0 && contexts_.size() > 1) {
          take(TokenType::template_end, 2);
          contexts_.pop_back();
          return;
        }
        return invalid(1, "Bitwise operators are not supported. Did you mean boolean NOT (\"!\")?");
      case '[':
        return take(TokenType::open_bracket, 1);
      case ']':
        return take(TokenType::close_bracket, 1);
      case '(':
        return take(TokenType::open_paren, 1);
      case ')':
        return take(TokenType::close_paren, 1);
      case '+':
        return take(TokenType::plus, 1);
      case '-':
        return take(TokenType::minus, 1);
      case '*':
        if (next == '*')
          return invalid(2, "\"**\" is not a supported operator; HCL has no exponentiation");
        return take(TokenType::star, 1);
      case '/':
        return take(TokenType::slash, 1);
      case '%':
        return take(TokenType::percent, 1);
      case '=':
        if (next == '=') return take(TokenType::equal, 2);
        if (next == '>') return take(TokenType::fat_arrow, 2);
        return take(TokenType::assign, 1);
      case '!':
        return take(next == '=' ? TokenType::not_equal : TokenType::bang, next == '=' ? 2 : 1);
      case '>':
        return take(next == '=' ? TokenType::greater_equal : TokenType::greater,
                    next == '=' ? 2 : 1);
      case '&':
        if (next == '&') return take(TokenType::logical_and, 2);
        return invalid(1,
                       "Bitwise operators are not supported. Did you mean boolean AND (\"&&\")?");
      case '|':
        if (next == '|') return take(TokenType::logical_or, 2);
        return invalid(1, "Bitwise operators are not supported. Did you mean boolean OR (\"||\")?");
      case '^':
        return invalid(1, "Bitwise operators are not supported");
      case '.':
        if (next == '.' && peek(2) == '.') return take(TokenType::ellipsis, 3);
        return take(TokenType::dot, 1);
      case ',':
        return take(TokenType::comma, 1);
      case '?':
        return take(TokenType::question, 1);
      case ':':
        return take(TokenType::colon, 1);
      case ';':
        return invalid(1,
                       "The \";\" character is not valid. Use newlines to separate arguments and "
                       "blocks, and commas to separate items in collection values.");
      case '\'':
        return invalid(1,
                       "Single quotes are not valid. Use double quotes (\") to enclose strings.");
      case '`':
        return invalid(1,
                       "The \"`\" character is not valid. To create a multi-line string, use the "
                       "\"heredoc\" syntax, like \"<<EOT\".");
      default:
        return invalid(1, "This character is not used within the language.");
    }
  }

  void invalid(std::size_t length, std::string message) {
    const Position start = here();
    advance(length);
    error({start, here()}, "Invalid character: " + std::move(message));
    emit(TokenType::invalid, start);
  }

  void line_comment(std::size_t marker) {
    const Position start = here();
    advance(marker);
    const std::size_t text_start = pos_;
    while (!at_end() && peek() != '\n') advance(1);
    std::string_view text = text_.substr(text_start, pos_ - text_start);
    if (text.ends_with('\r')) text.remove_suffix(1);
    result_.comments.push_back({start, std::string(text), true});
    if (!at_end()) advance(1);  // the newline belongs to the comment, which counts as one
    emit(TokenType::comment, start);
  }

  void block_comment() {
    const Position start = here();
    const std::size_t close = text_.find("*/", pos_ + 2);
    if (close == std::string_view::npos) {
      advance(text_.size() - pos_);
      error({start, here()}, "Unterminated comment: \"/*\" has no closing \"*/\"");
      emit(TokenType::invalid, start);
      return;
    }
    result_.comments.push_back(
        {start, std::string(text_.substr(pos_ + 2, close - pos_ - 2)), false});
    advance(close + 2 - pos_);
    emit(TokenType::comment, start);
  }

  void number() {
    const Position start = here();
    while (is_digit(peek())) advance(1);
    if (peek() == '.' && is_digit(peek(1))) {
      advance(1);
      while (is_digit(peek())) advance(1);
    }
    if (peek() == 'e' || peek() == 'E') {
      const std::size_t sign = peek(1) == '+' || peek(1) == '-' ? 1 : 0;
      if (is_digit(peek(1 + sign))) {
        advance(1 + sign);
        while (is_digit(peek())) advance(1);
      }
    }
    emit(TokenType::number, start);
  }

  // The length of an identifier character at the current position (0: none). `first`: the
  // character that starts an identifier, which may not be a digit or a dash.
  std::size_t identifier_char(std::size_t at, bool first) {
    if (pos_ + at >= text_.size()) return 0;
    const char c = text_[pos_ + at];
    if (is_ascii_letter(c) || c == '_') return 1;
    if (is_digit(c) || c == '-') return first ? 0 : 1;
    if (static_cast<unsigned char>(c) < 0x80) return 0;
    char32_t code_point = 0;
    const std::size_t length = utf8_length(text_.substr(pos_ + at), code_point);
    if (length == 0 || is_non_identifier(code_point)) return 0;
    return length;
  }

  void identifier() {
    const Position start = here();
    std::size_t length = identifier_char(0, true);
    if (length == 0) return bad_character();
    std::size_t end = length;
    while (true) {
      if (const std::size_t more = identifier_char(end, false)) {
        end += more;
      } else if (text_.substr(pos_ + end, 2) == "::" && identifier_char(end + 2, true)) {
        // A provider function's namespace: provider::aws::arn_parse.
        end += 2;
      } else {
        break;
      }
    }
    advance(end);
    emit(TokenType::identifier, start);
  }

  void bad_character() {
    char32_t code_point = 0;
    const std::size_t length = utf8_length(text_.substr(pos_), code_point);
    if (length == 0) {
      return invalid(1, "the file is not valid UTF-8 here; all input files must be UTF-8 encoded");
    }
    if (code_point == 0x201c || code_point == 0x201d) {
      return invalid(length,
                     "\"Curly quotes\" are not valid here. These can sometimes be inadvertently "
                     "introduced when sharing code via documents or discussion forums. It might "
                     "help to replace the character with a \"straight quote\".");
    }
    invalid(length, "This character is not used within the language.");
  }

  // `<<EOT` or `<<-EOT` and a newline open a heredoc; false when this `<<` is no heredoc.
  bool heredoc() {
    std::size_t at = 2;
    const bool flush = peek(at) == '-';
    if (flush) ++at;
    const std::size_t marker_start = at;
    if (!identifier_char(at, true)) return false;
    while (std::size_t more = identifier_char(at, false)) at += more;
    const std::string_view marker = text_.substr(pos_ + marker_start, at - marker_start);
    std::size_t newline = 0;
    if (peek(at) == '\n') newline = 1;
    if (peek(at) == '\r' && peek(at + 1) == '\n') newline = 2;
    if (newline == 0) return false;
    take(TokenType::open_heredoc, at + newline);
    push(Context(Context::Kind::heredoc, marker));
    return true;
  }

  // A template literal ends at `${` or `%{` (but `$${` and `%%{` are escaped literals).
  bool at_sequence() const { return (peek() == '$' || peek() == '%') && peek(1) == '{'; }
  bool at_escaped_sequence() const {
    return (peek() == '$' || peek() == '%') && peek(1) == peek() && peek(2) == '{';
  }

  void sequence() {
    const bool interpolation = peek() == '$';
    const std::size_t length = peek(2) == '~' ? 3 : 2;
    take(interpolation ? TokenType::template_interp : TokenType::template_control, length);
    push(Context(Context::Kind::expression));
  }

  void scan_quoted() {
    if (at_end()) return finish();
    if (peek() == '"') {
      take(TokenType::close_quote, 1);
      contexts_.pop_back();
      return;
    }
    if (newline_length() > 0) {
      // hclsyntax reads on in the string, which swallows the lines that follow; ending the
      // string here lets the next line be read as what it most likely is.
      const Position at = here();
      error({at, at},
            "Invalid multi-line string: quoted strings may not be split over multiple lines. To "
            "produce a multi-line string, either use the \\n escape to represent a newline "
            "character or use the \"heredoc\" multi-line template syntax.");
      emit(TokenType::close_quote, at);
      contexts_.pop_back();
      return;
    }
    if (at_sequence()) return sequence();
    const Position start = here();
    while (!at_end() && peek() != '"' && newline_length() == 0 && !at_sequence()) {
      if (peek() == '\\' && pos_ + 1 < text_.size() && text_[pos_ + 1] != '\n' &&
          text_[pos_ + 1] != '\r') {
        advance(2);
      } else if (at_escaped_sequence()) {
        advance(3);
      } else {
        literal_char();
      }
    }
    emit(TokenType::quoted_literal, start);
  }

  // One character of a template literal, checking that it is valid UTF-8.
  void literal_char() {
    if (static_cast<unsigned char>(peek()) < 0x80) return advance(1);
    char32_t code_point = 0;
    const std::size_t length = utf8_length(text_.substr(pos_), code_point);
    if (length > 0) return advance(length);
    const Position at = here();
    advance(1);
    error({at, here()}, "Invalid character encoding: all input files must be UTF-8 encoded");
  }

  // The length of a heredoc's closing line at the current position (spaces and the marker,
  // followed by a newline or the end of the file), or 0.
  std::size_t closing_marker_length() const {
    std::size_t at = 0;
    while (peek(at) == ' ' || peek(at) == '\t') ++at;
    const std::string_view marker = contexts_.back().marker;
    if (text_.substr(pos_ + at, marker.size()) != marker) return 0;
    at += marker.size();
    const bool line_ends =
        pos_ + at >= text_.size() || peek(at) == '\n' || (peek(at) == '\r' && peek(at + 1) == '\n');
    return line_ends ? at : 0;
  }

  void scan_heredoc() {
    Context& context = contexts_.back();
    if (at_end()) {
      const Position at = here();
      error({at, at}, fmt::format("Unterminated heredoc: no line holds its closing marker {}",
                                  context.marker));
      return finish();
    }
    if (context.at_line_start) {
      if (const std::size_t length = closing_marker_length()) {
        // The newline after the marker is scanned as part of the expression around it: it
        // ends the attribute.
        take(TokenType::close_heredoc, length);
        contexts_.pop_back();
        return;
      }
    }
    if (at_sequence()) {
      context.at_line_start = false;
      return sequence();
    }
    const Position start = here();
    while (!at_end() && !at_sequence()) {
      if (peek() == '\n') {
        advance(1);
        break;
      }
      if (at_escaped_sequence()) {
        advance(3);
      } else {
        literal_char();
      }
    }
    context.at_line_start = pos_ > 0 && text_[pos_ - 1] == '\n';
    emit(TokenType::heredoc_literal, start);
  }

  // A standalone template: literal text up to the next sequence, no escapes but `$${`, `%%{`.
  void scan_standalone() {
    if (at_end()) return finish();
    if (at_sequence()) return sequence();
    const Position start = here();
    while (!at_end() && !at_sequence()) {
      if (at_escaped_sequence()) {
        advance(3);
      } else {
        literal_char();
      }
    }
    emit(TokenType::heredoc_literal, start);
  }

  std::string_view text_;
  unsigned max_depth_;
  Position origin_;
  std::size_t pos_ = 0;
  std::uint32_t line_;
  std::size_t line_start_ = 0;
  bool done_ = false;
  std::vector<Context> contexts_;
  ScanResult result_;
};

}  // namespace

ScanResult scan(std::string_view source, unsigned max_depth, ScanMode mode,
                const Position& origin) {
  return Scanner(source, max_depth, mode, origin).run();
}

}  // namespace dnslint::hcl
