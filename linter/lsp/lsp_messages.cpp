#include "linter/lsp/lsp_messages.hpp"

#include <fmt/format.h>

#include <cctype>
#include <charconv>
#include <istream>
#include <ostream>

#include "model/ascii.hpp"

namespace dnslint {
namespace {

// UTF-8 sequence length from its lead byte (1 for bytes that do not lead a valid sequence, so
// that malformed text still advances).
std::size_t sequence_length(unsigned char lead) {
  if (lead >= 0xf0 && lead < 0xf8) return 4;
  if (lead >= 0xe0) return lead < 0xf0 ? 3 : 1;
  if (lead >= 0xc0) return 2;
  return 1;
}

}  // namespace

ReadStatus read_message(std::istream& in, std::string& body, std::size_t max_size) {
  std::optional<std::size_t> length;
  std::string line;
  bool any = false;
  bool bad = false;  // a header line is wrong: the block is still read to its end
  while (std::getline(in, line)) {
    any = true;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) break;
    const std::size_t colon = line.find(':');
    if (colon == std::string::npos) {
      bad = true;
      continue;
    }
    if (equals_ignoring_case(std::string_view(line).substr(0, colon), "Content-Length")) {
      std::string_view value = std::string_view(line).substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
      std::size_t parsed = 0;
      const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), parsed);
      if (error != std::errc() || end != value.data() + value.size()) {
        bad = true;
        continue;
      }
      length = parsed;
    }
  }
  if (!any || !in) return ReadStatus::end;
  if (bad || !length) return ReadStatus::bad_header;
  if (*length > max_size) {
    in.ignore(static_cast<std::streamsize>(*length));
    return in.gcount() == static_cast<std::streamsize>(*length) ? ReadStatus::too_large
                                                                : ReadStatus::end;
  }
  body.resize(*length);
  in.read(body.data(), static_cast<std::streamsize>(*length));
  return in.gcount() == static_cast<std::streamsize>(*length) ? ReadStatus::message
                                                              : ReadStatus::end;
}

void write_message(std::ostream& out, std::string_view body) {
  out << "Content-Length: " << body.size() << "\r\n\r\n" << body;
  out.flush();
}

std::optional<std::string> path_of_uri(std::string_view uri) {
  if (!uri.starts_with("file://")) return std::nullopt;
  uri.remove_prefix(7);
  // "file://host/path": only the local host (empty or localhost) names a local file.
  const std::size_t slash = uri.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const std::string_view host = uri.substr(0, slash);
  if (!host.empty() && host != "localhost") return std::nullopt;
  uri.remove_prefix(slash);
  std::string path;
  for (std::size_t i = 0; i < uri.size(); ++i) {
    unsigned value = 0;
    if (uri[i] == '%' && i + 2 < uri.size() &&
        std::from_chars(uri.data() + i + 1, uri.data() + i + 3, value, 16).ptr ==
            uri.data() + i + 3) {
      path += static_cast<char>(value);
      i += 2;
    } else {
      path += uri[i];
    }
  }
  return path;
}

std::string uri_of_path(std::string_view path) {
  // RFC 3986: unreserved characters and "/" stay, everything else is percent-encoded.
  std::string uri = "file://";
  for (char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) != 0 || std::string_view("/-._~").find(c) != std::string_view::npos) {
      uri += c;
    } else {
      uri += fmt::format("%{:02X}", byte);
    }
  }
  return uri;
}

std::size_t byte_of_utf16(std::string_view line, std::uint32_t character) {
  std::size_t byte = 0;
  std::uint32_t units = 0;
  while (byte < line.size() && units < character) {
    const std::size_t length =
        std::min(sequence_length(static_cast<unsigned char>(line[byte])), line.size() - byte);
    units += length == 4 ? 2 : 1;  // outside the BMP: a surrogate pair
    byte += length;
  }
  return byte;
}

std::uint32_t utf16_of_byte(std::string_view line, std::size_t byte) {
  std::uint32_t units = 0;
  for (std::size_t at = 0; at < line.size() && at < byte;) {
    const std::size_t length =
        std::min(sequence_length(static_cast<unsigned char>(line[at])), line.size() - at);
    units += length == 4 ? 2 : 1;
    at += length;
  }
  return units;
}

std::size_t offset_of_position(std::string_view text, std::uint32_t line, std::uint32_t character) {
  std::size_t start = 0;
  for (std::uint32_t i = 0; i < line; ++i) {
    const std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) return text.size();
    start = end + 1;
  }
  std::size_t end = text.find('\n', start);
  if (end == std::string_view::npos) end = text.size();
  std::string_view content = text.substr(start, end - start);
  if (content.ends_with('\r')) content.remove_suffix(1);
  return start + byte_of_utf16(content, character);
}

}  // namespace dnslint
