// BIND's $GENERATE directive: `$GENERATE start-stop[/step] lhs [ttl] [class] type rhs`, where
// `$` in lhs and rhs is the iterator, `${offset[,width[,base]]}` formats it (base d, o, x, X,
// n or N for nibbles), and `\$` or `$$` is a literal dollar sign.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dnslint {

struct GenerateRange {
  std::int64_t start = 0;
  std::int64_t stop = 0;
  std::int64_t step = 1;
  std::uint64_t count() const { return static_cast<std::uint64_t>((stop - start) / step) + 1; }
};

// Parses "start-stop[/step]"; an error message when malformed.
std::optional<GenerateRange> parse_generate_range(std::string_view text, std::string& error);

// Substitutes the iterator `value` into a $GENERATE template; false with `error` when the
// template is malformed.
bool expand_generate_template(std::string_view pattern, std::int64_t value, std::string& out,
                              std::string& error);

}  // namespace dnslint
