# Writes OUTPUT, a C++ file with the sorted top-level domains of the Public Suffix List (its
# ICANN section, as Debian's publicsuffix package ships it in LIST): the labels without a dot,
# and for internationalized ones the A-label ("xn--...") the list gives in a comment.
file(STRINGS "${LIST}" lines ENCODING UTF-8)
set(in_icann FALSE)
set(labels "")
foreach(line IN LISTS lines)
  if(line MATCHES "===BEGIN ICANN DOMAINS===")
    set(in_icann TRUE)
  elseif(line MATCHES "===END ICANN DOMAINS===")
    set(in_icann FALSE)
  elseif(in_icann)
    if(line MATCHES "^// (xn--[a-z0-9-]+) ")
      list(APPEND labels "${CMAKE_MATCH_1}")
    elseif(line MATCHES "^[a-z0-9-]+$")
      list(APPEND labels "${line}")
    endif()
  endif()
endforeach()
list(REMOVE_DUPLICATES labels)
list(SORT labels)
list(LENGTH labels count)
if(count LESS 1000)
  message(FATAL_ERROR "${LIST} holds only ${count} top-level domains; is it the Public Suffix List?")
endif()
set(entries "")
foreach(label IN LISTS labels)
  string(APPEND entries "    \"${label}\",\n")
endforeach()
file(WRITE "${OUTPUT}.tmp" "// Generated from the Public Suffix List by cmake/embed_top_level_domains.cmake. Do not edit.
#include \"model/top_level_domains.hpp\"

#include <algorithm>
#include <array>

namespace dnslint {
namespace {
constexpr std::array<std::string_view, ${count}> kTopLevelDomains{
${entries}};
}  // namespace

bool is_top_level_domain(std::string_view lower_case_label) {
  return std::binary_search(kTopLevelDomains.begin(), kTopLevelDomains.end(), lower_case_label);
}

}  // namespace dnslint
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
