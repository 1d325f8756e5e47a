#include "model/name.hpp"

#include <fmt/format.h>

#include <cctype>

#include "model/ascii.hpp"

namespace dnslint {
namespace {

// RFC 1035 §2.3.4.
constexpr std::size_t kMaxLabelOctets = 63;
constexpr std::size_t kMaxNameOctets = 255;

bool is_plain(unsigned char c) {
  return c > 0x20 && c < 0x7f && c != '.' && c != '\\' && c != '"' && c != '(' && c != ')' &&
         c != ';';
}

void append_canonical_octet(std::string& out, unsigned char c) {
  c = static_cast<unsigned char>(ascii_lower(static_cast<char>(c)));
  if (is_plain(c)) {
    out.push_back(static_cast<char>(c));
  } else if (c == '.' || c == '\\' || c == '"' || c == '(' || c == ')' || c == ';') {
    out.push_back('\\');
    out.push_back(static_cast<char>(c));
  } else {
    out += fmt::format("\\{:03d}", c);
  }
}

// Index just past the first label of a presentation-format name, skipping escapes.
std::size_t end_of_first_label(std::string_view name) {
  std::size_t i = 0;
  while (i < name.size() && name[i] != '.') {
    if (name[i] == '\\') {
      i += (i + 1 < name.size() && std::isdigit(static_cast<unsigned char>(name[i + 1]))) ? 4 : 2;
    } else {
      ++i;
    }
  }
  return i < name.size() ? i : name.size();
}

// Octets of the label escape starting at text[i] (which is '\\'), and how many characters it
// spans; nullopt with `reason` set when the escape is malformed.
std::optional<unsigned char> decode_escape(std::string_view text, std::size_t i, std::size_t& span,
                                           std::string& reason) {
  if (i + 1 >= text.size()) {
    reason = "name ends in a lone backslash";
    return std::nullopt;
  }
  if (!std::isdigit(static_cast<unsigned char>(text[i + 1]))) {
    span = 2;
    return static_cast<unsigned char>(text[i + 1]);
  }
  if (i + 3 >= text.size()) {
    reason = "truncated \\DDD escape";
    return std::nullopt;
  }
  if (!std::isdigit(static_cast<unsigned char>(text[i + 2])) ||
      !std::isdigit(static_cast<unsigned char>(text[i + 3]))) {
    reason = "bad \\DDD escape";
    return std::nullopt;
  }
  const int value = (text[i + 1] - '0') * 100 + (text[i + 2] - '0') * 10 + (text[i + 3] - '0');
  if (value > 255) {
    reason = fmt::format("escape \\{:03d} is above 255", value);
    return std::nullopt;
  }
  span = 4;
  return static_cast<unsigned char>(value);
}

}  // namespace

bool is_written_absolute(std::string_view text) {
  if (text.empty() || text.back() != '.') return false;
  std::size_t backslashes = 0;
  for (std::size_t i = text.size() - 1; i > 0 && text[i - 1] == '\\'; --i) ++backslashes;
  return backslashes % 2 == 0;
}

std::size_t wire_length(std::string_view canonical) {
  std::size_t length = 1;  // the root label
  for (std::string_view rest = canonical; rest != "." && !rest.empty(); rest = parent_name(rest)) {
    const std::string_view label = first_label(rest);
    std::size_t octets = 0;
    for (std::size_t k = 0; k < label.size(); ++octets) {
      if (label[k] != '\\') {
        ++k;
      } else {
        k += (k + 1 < label.size() && std::isdigit(static_cast<unsigned char>(label[k + 1]))) ? 4
                                                                                              : 2;
      }
    }
    length += octets + 1;
  }
  return length;
}

std::optional<NameError> parse_name(std::string_view text, std::string_view origin,
                                    std::string& out) {
  out.clear();
  if (text.empty()) return NameError{"empty name"};
  if (text == "@") {
    if (origin.empty()) return NameError{"'@' used but no origin is known"};
    out.assign(origin);
    return std::nullopt;
  }
  if (text == ".") {
    out.assign(1, '.');
    return std::nullopt;
  }
  const bool absolute = is_written_absolute(text);
  if (!absolute && origin.empty()) {
    return NameError{fmt::format("relative name '{}' but no origin is known", text)};
  }
  const std::string_view body = absolute ? text.substr(0, text.size() - 1) : text;
  std::size_t wire = 1;  // the root label
  std::size_t label_octets = 0;
  std::string reason;
  for (std::size_t i = 0; i < body.size();) {
    unsigned char c = static_cast<unsigned char>(body[i]);
    if (c == '.') {
      if (label_octets == 0) return NameError{"empty label"};
      out.push_back('.');
      wire += label_octets + 1;
      label_octets = 0;
      ++i;
      continue;
    }
    std::size_t span = 1;
    if (c == '\\') {
      auto decoded = decode_escape(body, i, span, reason);
      if (!decoded) return NameError{reason};
      c = *decoded;
    }
    i += span;
    append_canonical_octet(out, c);
    if (++label_octets > kMaxLabelOctets) {
      return NameError{fmt::format("label longer than {} octets", kMaxLabelOctets)};
    }
  }
  if (label_octets == 0) return NameError{"empty label"};
  wire += label_octets + 1;
  out.push_back('.');
  if (!absolute && origin != ".") {
    out.append(origin);
    // A canonical name is never shorter in presentation than on the wire (less its root
    // octet), so the origin's exact wire length is only needed near the limit.
    wire += out.size() + 1 > kMaxNameOctets ? wire_length(origin) - 1 : origin.size() - 1;
  }
  if (wire > kMaxNameOctets) {
    return NameError{fmt::format("name longer than {} octets", kMaxNameOctets)};
  }
  return std::nullopt;
}

std::string_view parent_name(std::string_view canonical) {
  if (canonical == "." || canonical.empty()) return ".";
  const std::size_t end = end_of_first_label(canonical);
  if (end + 1 >= canonical.size()) return ".";
  return canonical.substr(end + 1);
}

std::string_view first_label(std::string_view canonical) {
  if (canonical == ".") return {};
  return canonical.substr(0, end_of_first_label(canonical));
}

bool is_at_or_below(std::string_view name, std::string_view ancestor) {
  if (ancestor == ".") return true;
  while (true) {
    if (name.size() < ancestor.size()) return false;
    if (name == ancestor) return true;
    if (name == ".") return false;
    name = parent_name(name);
  }
}

std::string_view relative_part(std::string_view name, std::string_view suffix) {
  if (name.size() <= suffix.size()) return {};
  if (suffix == ".") return name.substr(0, name.size() - 1);
  return name.substr(0, name.size() - suffix.size() - 1);
}

NameId NameTable::intern(std::string_view canonical) {
  if (auto it = index_.find(canonical); it != index_.end()) return it->second;
  NameId parent_id = kNoName;
  std::uint16_t depth = 0;
  if (canonical != ".") {
    parent_id = intern(parent_name(canonical));
    depth = static_cast<std::uint16_t>(depths_[parent_id] + 1);
  }
  const auto id = static_cast<NameId>(names_.size());
  names_.emplace_back(canonical);
  parents_.push_back(parent_id == kNoName ? id : parent_id);
  depths_.push_back(depth);
  index_.emplace(names_.back(), id);
  return id;
}

std::optional<NameId> NameTable::find(std::string_view canonical) const {
  if (auto it = index_.find(canonical); it != index_.end()) return it->second;
  return std::nullopt;
}

bool NameTable::is_at_or_below(NameId name, NameId ancestor) const {
  while (depths_[name] > depths_[ancestor]) name = parents_[name];
  return name == ancestor;
}

}  // namespace dnslint
