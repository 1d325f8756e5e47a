#include "linter/config/glob.hpp"

namespace dnslint {

bool glob_match(std::string_view pattern, std::string_view path) {
  // Iterative matching with one backtrack point per kind of star keeps it linear-ish and free
  // of recursion on hostile patterns.
  std::size_t p = 0;
  std::size_t s = 0;
  std::size_t star_p = std::string_view::npos;  // after the last '*' (single segment)
  std::size_t star_s = 0;
  std::size_t globstar_p = std::string_view::npos;  // after the last '**'
  std::size_t globstar_s = 0;
  while (s < path.size()) {
    if (p + 1 < pattern.size() && pattern[p] == '*' && pattern[p + 1] == '*') {
      p += 2;
      if (p < pattern.size() && pattern[p] == '/') ++p;  // "**/" also matches no directory
      globstar_p = p;
      globstar_s = s;
      star_p = std::string_view::npos;
      continue;
    }
    if (p < pattern.size() && pattern[p] == '*') {
      star_p = ++p;
      star_s = s;
      continue;
    }
    if (p < pattern.size() && pattern[p] == '[') {
      const auto close = pattern.find(']', p + 1);
      if (close != std::string_view::npos && path[s] != '/' &&
          pattern.substr(p + 1, close - p - 1).find(path[s]) != std::string_view::npos) {
        p = close + 1;
        ++s;
        continue;
      }
    } else if (p < pattern.size() &&
               (pattern[p] == path[s] || (pattern[p] == '?' && path[s] != '/'))) {
      ++p;
      ++s;
      continue;
    }
    // Mismatch: let the last '*' take one more character (never a '/'), else the last '**'.
    if (star_p != std::string_view::npos && path[star_s] != '/') {
      p = star_p;
      s = ++star_s;
      continue;
    }
    if (globstar_p != std::string_view::npos) {
      p = globstar_p;
      s = ++globstar_s;
      star_p = std::string_view::npos;
      continue;
    }
    return false;
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

}  // namespace dnslint
