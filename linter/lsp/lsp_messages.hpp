// The pieces of the language server that need no workspace: JSON-RPC framing (LSP 3.17, "Base
// Protocol"), file URIs, and positions in UTF-16 code units, which LSP counts by default.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

namespace dnslint {

enum class ReadStatus { message, end, bad_header, too_large };

// Reads one message's content into `body`. A message larger than `max_size` is skipped whole.
ReadStatus read_message(std::istream& in, std::string& body, std::size_t max_size);
// Writes `body` with its Content-Length header and flushes.
void write_message(std::ostream& out, std::string_view body);

// "file:///srv/zones/a%20b.zone" -> "/srv/zones/a b.zone"; nullopt for other schemes.
std::optional<std::string> path_of_uri(std::string_view uri);
std::string uri_of_path(std::string_view path);

// The byte offset in `line` of UTF-16 code unit `character` (clamped to the line's end), and the
// UTF-16 code unit of byte offset `byte`.
std::size_t byte_of_utf16(std::string_view line, std::uint32_t character);
std::uint32_t utf16_of_byte(std::string_view line, std::size_t byte);

// The byte offset in `text` of LSP position (line, character); clamped to the text's end.
std::size_t offset_of_position(std::string_view text, std::uint32_t line, std::uint32_t character);

}  // namespace dnslint
