#pragma once

#include <string_view>

namespace dnslint {

#ifndef DNSLINT_VERSION
#define DNSLINT_VERSION "0.0.0"
#endif

inline constexpr std::string_view kVersion = DNSLINT_VERSION;

}  // namespace dnslint
