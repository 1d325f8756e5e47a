// Terraform's encoding, hashing and regular expression functions, evaluated as Terraform does:
// jsonencode as Go's encoding/json writes (HTML characters escaped), hashes of the string's
// UTF-8 bytes in lower-case hex, and regular expressions in RE2's syntax, which is Go's
// regexp syntax that Terraform uses.
#include <openssl/evp.h>
#include <re2/re2.h>

#include <algorithm>
#include <array>

#include "formats/document_tree.hpp"
#include "formats/terraform/function_call.hpp"

namespace dnslint::hcl {
namespace {

constexpr std::string_view kBase64 =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string base64_encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    std::uint32_t group = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) group |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    if (i + 2 < bytes.size()) group |= static_cast<unsigned char>(bytes[i + 2]);
    out += kBase64[group >> 18 & 63];
    out += kBase64[group >> 12 & 63];
    out += i + 1 < bytes.size() ? kBase64[group >> 6 & 63] : '=';
    out += i + 2 < bytes.size() ? kBase64[group & 63] : '=';
  }
  return out;
}

// Standard base64 with padding, as Go's StdEncoding reads it; nullopt when it is not that.
std::optional<std::string> base64_decode(std::string_view text) {
  if (text.size() % 4 != 0) return std::nullopt;
  std::string out;
  for (std::size_t i = 0; i < text.size(); i += 4) {
    std::uint32_t group = 0;
    int padding = 0;
    for (std::size_t k = 0; k < 4; ++k) {
      const char c = text[i + k];
      if (c == '=' && i + 4 == text.size() && k >= 2) {
        ++padding;
        group <<= 6;
        continue;
      }
      const std::size_t value = kBase64.find(c);
      if (value == std::string_view::npos || padding > 0) return std::nullopt;
      group = group << 6 | static_cast<std::uint32_t>(value);
    }
    out += static_cast<char>(group >> 16 & 0xff);
    if (padding < 2) out += static_cast<char>(group >> 8 & 0xff);
    if (padding < 1) out += static_cast<char>(group & 0xff);
  }
  return out;
}

bool is_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = lead < 0x80 ? 1 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
    if ((lead >= 0x80 && lead < 0xc2) || lead > 0xf4 || i + length > text.size()) return false;
    for (std::size_t k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xc0) != 0x80) return false;
    }
    i += length;
  }
  return true;
}

// The digest of `text` by `algorithm` (EVP_md5, EVP_sha1, ...), as raw bytes.
std::string digest(std::string_view text, const EVP_MD* algorithm) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> out{};
  unsigned int size = 0;
  EVP_Digest(text.data(), text.size(), out.data(), &size, algorithm, nullptr);
  return std::string(reinterpret_cast<const char*>(out.data()), size);
}

std::string hex(std::string_view bytes) {
  std::string out;
  for (char c : bytes) out += fmt::format("{:02x}", static_cast<unsigned char>(c));
  return out;
}

Handler hex_digest(const EVP_MD* (*algorithm)()) {
  return [algorithm](const Call& c) {
    auto text = c.text(0);
    if (!text) return c.error("the argument must be a string");
    return c.string(hex(digest(*text, algorithm())));
  };
}

Handler base64_digest(const EVP_MD* (*algorithm)()) {
  return [algorithm](const Call& c) {
    auto text = c.text(0);
    if (!text) return c.error("the argument must be a string");
    return c.string(base64_encode(digest(*text, algorithm())));
  };
}

// --- JSON -----------------------------------------------------------------------------------

// A string as Go's encoding/json writes it: quotes, backslashes and control characters
// escaped, and <, >, & and the line and paragraph separators too (its HTML-safe default).
void json_string(std::string_view text, std::string& out) {
  out += '"';
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '<':
      case '>':
      case '&':
        out += fmt::format("\\u{:04x}", c);
        break;
      default:
        if (c < 0x20) {
          out += fmt::format("\\u{:04x}", c);
        } else if (c == 0xe2 && i + 2 < text.size() &&
                   static_cast<unsigned char>(text[i + 1]) == 0x80 &&
                   (static_cast<unsigned char>(text[i + 2]) == 0xa8 ||
                    static_cast<unsigned char>(text[i + 2]) == 0xa9)) {
          out += static_cast<unsigned char>(text[i + 2]) == 0xa8 ? "\\u2028" : "\\u2029";
          i += 2;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
}

// `value` as jsonencode writes it; false when it holds something JSON cannot (an unknown).
bool json_encode(const Value& value, std::string& out) {
  switch (value.kind()) {
    case Value::Kind::null:
      out += "null";
      return true;
    case Value::Kind::unknown:
      return false;
    case Value::Kind::boolean:
      out += value.as_boolean() ? "true" : "false";
      return true;
    case Value::Kind::number:
      out += format_number(value.as_number());
      return true;
    case Value::Kind::string:
      json_string(value.as_string(), out);
      return true;
    case Value::Kind::tuple:
    case Value::Kind::list:
    case Value::Kind::set: {
      out += '[';
      bool first = true;
      for (const Value& element : value.elements()) {
        if (!first) out += ',';
        first = false;
        if (!json_encode(element, out)) return false;
      }
      out += ']';
      return true;
    }
    case Value::Kind::object:
    case Value::Kind::map: {
      if (value.is_lazy()) return false;
      out += '{';
      bool first = true;
      for (const auto& [name, element] : value.attributes()) {  // sorted, as cty's are
        if (!first) out += ',';
        first = false;
        json_string(name, out);
        out += ':';
        if (!json_encode(element, out)) return false;
      }
      out += '}';
      return true;
    }
  }
  return false;
}

// A JSON document as the value jsondecode makes of it: objects, tuples, strings, numbers.
Value json_value(const DocumentTree& tree, NodeId node, const SourceLocation& at) {
  const TreeNode& n = tree[node];
  switch (n.kind) {
    case TreeNode::Kind::null:
      return Value::null(at);
    case TreeNode::Kind::boolean:
      return Value::boolean(n.text == "true", at);
    case TreeNode::Kind::number: {
      const auto number = parse_number(n.text);
      if (!number) return Value::error(fmt::format("jsondecode(): bad number {}", n.text), at);
      return Value::number(*number, at);
    }
    case TreeNode::Kind::string:
      return Value::string(n.text, at);
    case TreeNode::Kind::sequence: {
      Value::Elements elements;
      for (NodeId item : n.children) elements.push_back(json_value(tree, item, at));
      return Value::sequence(Value::Kind::tuple, std::move(elements), at);
    }
    case TreeNode::Kind::mapping: {
      Value::Attributes attributes;
      for (std::size_t i = 0; i + 1 < n.children.size(); i += 2) {
        attributes.emplace_back(tree[n.children[i]].text, json_value(tree, n.children[i + 1], at));
      }
      return Value::mapping(Value::Kind::object, std::move(attributes), at);
    }
  }
  return Value::null(at);
}

// --- regular expressions ---------------------------------------------------------------------

// A pattern compiled once per call, or the reason it does not compile.
struct Pattern {
  explicit Pattern(const std::string& text) : re(text, RE2::Quiet) {}
  RE2 re;
};

// What one match gives regex(): the whole match without groups, the groups in order when they
// are unnamed, an object by name when they are named (mixing the two is refused).
Value match_value(const Call& call, const RE2& re, const std::vector<re2::StringPiece>& groups) {
  const int count = re.NumberOfCapturingGroups();
  if (count == 0) return call.string(std::string(groups[0]));
  const auto& names = re.CapturingGroupNames();  // group index -> name
  const auto value_of = [&](int i) {
    return groups[static_cast<std::size_t>(i)].data() == nullptr
               ? Value::null(call.at())
               : Value::string(std::string(groups[static_cast<std::size_t>(i)]), call.at());
  };
  if (names.empty()) {
    Value::Elements captured;
    for (int i = 1; i <= count; ++i) captured.push_back(value_of(i));
    return call.list(std::move(captured));
  }
  if (static_cast<int>(names.size()) != count)
    return call.error("the pattern mixes named and unnamed groups");
  Value::Attributes captured;
  for (const auto& [index, name] : names) captured.emplace_back(name, value_of(index));
  return Value::mapping(Value::Kind::object, std::move(captured), call.at());
}

// Every match of `re` in `text` from its start, as regexall finds them (no overlap; an empty
// match moves on by one character).
template <typename Visit>
void for_each_match(const RE2& re, std::string_view text, Visit visit) {
  const auto slots = static_cast<std::size_t>(re.NumberOfCapturingGroups() + 1);
  std::vector<re2::StringPiece> groups(slots);
  std::size_t at = 0;
  while (at <= text.size() &&
         re.Match(text, at, text.size(), RE2::UNANCHORED, groups.data(), static_cast<int>(slots))) {
    visit(groups);
    const std::size_t end =
        static_cast<std::size_t>(groups[0].data() - text.data()) + groups[0].size();
    if (groups[0].empty()) {
      if (end >= text.size()) break;
      std::size_t next = end + 1;
      while (next < text.size() && (static_cast<unsigned char>(text[next]) & 0xc0) == 0x80) ++next;
      at = next;
    } else {
      at = end;
    }
  }
}

Value regex_function(const Call& call, bool all) {
  auto pattern = call.text(0);
  auto text = call.text(1);
  if (!pattern || !text) return call.error("the arguments must be strings");
  const Pattern compiled(*pattern);
  if (!compiled.re.ok()) {
    return call.error(fmt::format("invalid regular expression: {}", compiled.re.error()));
  }
  if (!all) {
    std::optional<Value> first;
    for_each_match(compiled.re, *text, [&](const std::vector<re2::StringPiece>& groups) {
      if (!first) first = match_value(call, compiled.re, groups);
    });
    if (!first) return call.error("the pattern did not match");
    return *first;
  }
  Value::Elements matches;
  for_each_match(compiled.re, *text, [&](const std::vector<re2::StringPiece>& groups) {
    matches.push_back(match_value(call, compiled.re, groups));
  });
  return call.list(std::move(matches));
}

}  // namespace

Value replace_regex(const Call& call, const std::string& text, const std::string& pattern,
                    const std::string& replacement) {
  const Pattern compiled(pattern);
  if (!compiled.re.ok()) {
    return call.error(fmt::format("invalid regular expression: {}", compiled.re.error()));
  }
  const auto& names = compiled.re.NamedCapturingGroups();
  std::string out;
  std::size_t copied = 0;
  for_each_match(compiled.re, text, [&](const std::vector<re2::StringPiece>& groups) {
    const auto begin = static_cast<std::size_t>(groups[0].data() - text.data());
    out.append(text, copied, begin - copied);
    copied = begin + groups[0].size();
    // Go's regexp.Expand: $1 or ${1} a group by number, $name or ${name} by name, $$ a dollar;
    // a name is the longest run of letters, digits and underscores.
    for (std::size_t i = 0; i < replacement.size(); ++i) {
      if (replacement[i] != '$' || i + 1 == replacement.size()) {
        out += replacement[i];
        continue;
      }
      if (replacement[i + 1] == '$') {
        out += '$';
        ++i;
        continue;
      }
      std::string name;
      std::size_t end = i + 1;
      if (replacement[end] == '{') {
        const std::size_t close = replacement.find('}', end);
        if (close == std::string::npos) {
          out += '$';
          continue;
        }
        name = replacement.substr(end + 1, close - end - 1);
        end = close + 1;
      } else {
        while (end < replacement.size() &&
               (std::isalnum(static_cast<unsigned char>(replacement[end])) != 0 ||
                replacement[end] == '_')) {
          ++end;
        }
        name = replacement.substr(i + 1, end - i - 1);
      }
      if (name.empty()) {
        out += '$';
        continue;
      }
      int index = -1;
      if (std::all_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        index = name.size() < 6 ? std::stoi(name) : -1;
      } else if (const auto found = names.find(name); found != names.end()) {
        index = found->second;
      }
      if (index >= 0 && static_cast<std::size_t>(index) < groups.size())
        out += std::string_view(groups[static_cast<std::size_t>(index)]);
      i = end - 1;
    }
  });
  out.append(text, copied, std::string::npos);
  return call.string(std::move(out));
}

void add_encoding_functions(FunctionTable& table) {
  table.insert({
      {"base64encode",
       {1, 1, false,
        [](const Call& c) {
          auto text = c.text(0);
          if (!text) return c.error("the argument must be a string");
          return c.string(base64_encode(*text));
        }}},
      {"base64decode",
       {1, 1, false,
        [](const Call& c) {
          auto text = c.text(0);
          if (!text) return c.error("the argument must be a string");
          auto decoded = base64_decode(*text);
          if (!decoded) return c.error("the argument is not valid base64");
          if (!is_utf8(*decoded)) return c.error("the decoded bytes are not valid UTF-8");
          return c.string(std::move(*decoded));
        }}},
      {"md5", {1, 1, false, hex_digest(EVP_md5)}},
      {"sha1", {1, 1, false, hex_digest(EVP_sha1)}},
      {"sha256", {1, 1, false, hex_digest(EVP_sha256)}},
      {"sha512", {1, 1, false, hex_digest(EVP_sha512)}},
      {"base64sha256", {1, 1, false, base64_digest(EVP_sha256)}},
      {"base64sha512", {1, 1, false, base64_digest(EVP_sha512)}},
      {"jsonencode",
       {1, 1, false,
        [](const Call& c) {
          std::string out;
          if (!json_encode(c[0], out))
            return Value::unknown("jsonencode() of a value that is not known", c.at());
          return c.string(std::move(out));
        }}},
      {"jsondecode",
       {1, 1, false,
        [](const Call& c) {
          auto text = c.text(0);
          if (!text) return c.error("the argument must be a string");
          const ParsedDocument document = parse_json(*text, c.at().file);
          if (document.error || document.tree.roots.size() != 1)
            return c.error(fmt::format("the argument is not JSON{}",
                                       document.error ? ": " + document.error->message : ""));
          return c.charged(json_value(document.tree, document.tree.roots[0], c.at()));
        }}},
      {"regex", {2, 2, false, [](const Call& c) { return regex_function(c, false); }}},
      {"regexall", {2, 2, false, [](const Call& c) { return regex_function(c, true); }}},
      {"setproduct",
       {2, kVariadic, false,
        [](const Call& c) {
          // Every combination, first argument slowest; a set of lists when every argument is a
          // set, a list of lists otherwise.
          bool all_sets = true;
          std::vector<const Value::Elements*> factors;
          std::uint64_t size = 1;
          for (std::size_t i = 0; i < c.count(); ++i) {
            if (!c[i].is_sequence()) return c.error("the arguments must be lists or sets");
            all_sets = all_sets && c[i].kind() == Value::Kind::set;
            factors.push_back(&c[i].elements());
            size *= factors.back()->size();
            if (size > 1'000'000) return over_budget(c.at());
          }
          Value::Elements product;
          std::vector<std::size_t> index(factors.size(), 0);
          for (std::uint64_t made = 0; made < size; ++made) {
            Value::Elements combination;
            for (std::size_t k = 0; k < factors.size(); ++k)
              combination.push_back((*factors[k])[index[k]]);
            product.push_back(Value::sequence(Value::Kind::list, std::move(combination), c.at()));
            for (std::size_t k = factors.size(); k-- > 0;) {
              if (++index[k] < factors[k]->size()) break;
              index[k] = 0;
            }
          }
          return c.list(std::move(product), all_sets ? Value::Kind::set : Value::Kind::list);
        }}},
  });
}

}  // namespace dnslint::hcl
