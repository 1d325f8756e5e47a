// The ids of the rules whose findings are made outside the rules' own checks: by the readers
// (what cannot be read, what cannot be known) and by the engine (suppressions). One place for
// each id, which the readers, the engine and the rules' metadata all use.
#pragma once

#include <array>
#include <string_view>

namespace dnslint::rule_id {

inline constexpr std::string_view syntax_error = "syntax-error";
inline constexpr std::string_view include_error = "include-error";
inline constexpr std::string_view unresolved_value = "unresolved-value";
inline constexpr std::string_view mx_priority_in_value = "mx-priority-in-value";
inline constexpr std::string_view invalid_suppression = "invalid-suppression";
inline constexpr std::string_view unused_suppression = "unused-suppression";
inline constexpr std::string_view txt_string_too_long = "txt-string-too-long";
inline constexpr std::string_view read_error = "read-error";

// All of them: the rules without a check function of their own.
inline constexpr std::array<std::string_view, 8> reported_elsewhere{
    syntax_error,        include_error,      unresolved_value,    mx_priority_in_value,
    invalid_suppression, unused_suppression, txt_string_too_long, read_error};

}  // namespace dnslint::rule_id
