// The command line's options as one table, and what is made from it: parsing, --help, the
// names "did you mean" suggests and the shell completion scripts.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "linter/cli/cli.hpp"

namespace dnslint {

struct CliOption {
  std::string_view name;        // "--format"
  std::string_view short_name;  // "-f", or empty
  std::string_view value;       // what it takes ("FILE", "RULE[,RULE]"); empty for a flag
  std::string_view help;
  std::vector<std::string_view> choices;  // the values it takes, when they are a fixed set
  void (*apply)(CliOptions& options, const std::string& value);
};

const std::vector<CliOption>& cli_options();
std::vector<std::string_view> long_options();

// The subcommands (`dnslint rules`, ...), beside the default one that lints.
struct CliCommand {
  std::string_view name;
  std::string_view arguments;
  std::string_view description;
  Command command;
};
const std::vector<CliCommand>& cli_commands();

// What PATH may be, and what the exit statuses mean: --help and the man page both say it.
std::string_view inputs_text();
struct ExitStatus {
  int code;
  std::string_view meaning;
};
const std::vector<ExitStatus>& exit_statuses();

// The report formats, each with what it is for (-f and --report take their names).
struct ReportFormat {
  std::string_view name;
  std::string_view description;
};
const std::vector<ReportFormat>& report_formats();
std::vector<std::string_view> report_format_names();

// A completion script for `shell` (bash, zsh or fish) offering every option, the values of
// those that take a fixed set, and the rule ids `rules`.
std::string completion_script(std::string_view shell, const std::vector<std::string_view>& rules);

}  // namespace dnslint
