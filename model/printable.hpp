// Text a report can show on one line whatever the input held: findings quote record data, file
// names and values, which may hold control characters or bytes that are not UTF-8.
#pragma once

#include <string>
#include <string_view>

namespace dnslint {

// True when `text` is valid UTF-8 without control characters (C0, DEL, C1).
bool is_printable(std::string_view text);

// `text` with a tab, a line feed and a carriage return as \t, \n and \r, other control
// characters and bytes that are not part of valid UTF-8 as \xHH; valid UTF-8 stays as it is.
std::string printable(std::string_view text);

// A character named for a message ("a tab", "a space", "the byte 0x01"), for the places
// where printing it would show nothing or garble the line.
std::string describe_character(char c);

}  // namespace dnslint
