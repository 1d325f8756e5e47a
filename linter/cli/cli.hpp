// The command line (docs/usage.md): parsing, and running a whole invocation.
#pragma once

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "linter/engine/engine.hpp"

namespace dnslint {

class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

enum class Command { lint, verify, records, rules, explain, config, completion, lsp, version, help };

struct CliOptions {
  Command command = Command::lint;
  LintRequest request;  // paths, origin, jobs and limits; rules are filled by configure()
  std::string format = "text";
  std::optional<std::string> output;
  std::optional<std::string> config_path;
  std::optional<std::string> path_root;                      // --path-root
  bool allow_empty = false;                                  // --allow-empty
  std::vector<std::pair<std::string, std::string>> reports;  // --report FORMAT=FILE
  bool sarif_suppressed = false;
  std::optional<std::string> baseline;        // --baseline FILE
  std::optional<std::string> write_baseline;  // --write-baseline FILE
  // --select, --enable and --disable (--ignore) with their lists, in the order given.
  std::vector<std::pair<std::string, std::string>> rule_switches;
  std::optional<Severity> fail_on = Severity::warning;  // nullopt: never
  std::string color = "auto";
  std::string rules_format = "text";
  std::string config_format = "yaml";
  std::string records_format = "text";
  bool quiet = false;                  // --quiet
  bool statistics = false;             // --statistics
  bool exit_zero = false;              // --exit-zero
  bool fix = false;                    // --fix
  bool diff = false;                   // --diff
  bool list_files = false;             // --list-files
  bool verbose = false;                // --verbose
  std::optional<std::string> against;  // --against REV
  std::optional<bool> show_source;     // --show-source / --no-show-source; unset: on a terminal
  std::string argument;                // of `explain` (a rule id) or `completion` (a shell)
};

// Throws UsageError.
CliOptions parse_command_line(const std::vector<std::string>& args);

// Applies the configuration file (--config, else the nearest .dnslint.yaml in `start` or
// above) and --enable/--disable to options.request.rules. Throws ConfigError.
void configure(CliOptions& options,
               const std::filesystem::path& start = std::filesystem::current_path());

// Exit status: 0 no finding at or above --fail-on, 1 such findings, 2 usage, I/O or config error.
int run_cli(int argc, char** argv);

std::string usage_text();

}  // namespace dnslint
