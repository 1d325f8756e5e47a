// dnslint(1), written from the same tables as --help (options, subcommands, report formats,
// exit statuses) and the rule registry, so that the two cannot drift.
#pragma once

#include <string>

namespace dnslint {

std::string man_page();

}  // namespace dnslint
