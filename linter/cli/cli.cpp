#include "linter/cli/cli.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <thread>

#include "linter/cli/options.hpp"
#include "linter/cli/rule_catalog.hpp"
#include "linter/cli/rule_docs.hpp"
#include "linter/cli/suggest.hpp"
#include "linter/cli/version.hpp"
#include "linter/cli/writes.hpp"
#include "linter/engine/changes.hpp"
#include "linter/fix/fix.hpp"
#include "linter/inputs/collect.hpp"
#include "linter/inputs/source_files.hpp"
#include "linter/lsp/lsp.hpp"
#include "linter/reports/baseline.hpp"
#include "linter/reports/records.hpp"
#include "linter/reports/reports.hpp"
#include "model/reported_rules.hpp"

namespace dnslint {
namespace fs = std::filesystem;

namespace {

bool use_color(const std::string& mode, bool to_terminal) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  return to_terminal && ::isatty(STDOUT_FILENO) == 1;
}

std::string render(const LintResult& result, std::string_view format, bool color,
                   bool sarif_suppressed) {
  if (format == "json") return write_json(result);
  if (format == "sarif") return write_sarif(result, sarif_suppressed);
  if (format == "github") return write_github(result);
  if (format == "gitlab") return write_gitlab(result);
  if (format == "junit") return write_junit(result);
  if (format == "markdown") return write_markdown(result);
  return write_text(result, color);
}

// The lines of the files a report points at, read when first asked for (--show-source).
// dnslint never writes to its inputs: a report or baseline path that names a file it read is a
// usage error (exit 2), found before anything is written.
void refuse_to_overwrite_inputs(const CliOptions& options, const LintResult& result) {
  std::vector<std::string> targets;
  if (options.output) targets.push_back(*options.output);
  if (options.write_baseline) targets.push_back(*options.write_baseline);
  for (const auto& [format, file] : options.reports) targets.push_back(file);
  std::error_code ec;
  for (const std::string& target : targets) {
    const fs::path canonical_target = fs::weakly_canonical(fs::absolute(target, ec), ec);
    for (const std::string& input : result.files) {
      if (fs::weakly_canonical(fs::absolute(input, ec), ec) == canonical_target) {
        throw UsageError(fmt::format("refusing to write a report over the input '{}'", input));
      }
    }
  }
}

void print_timings(const std::vector<PhaseTime>& timings) {
  std::cerr << "dnslint: timing (wall seconds, resident MB after, peak resident MB so far; rules "
               "run side by side)\n";
  auto megabytes = [](std::uint64_t bytes) {
    return static_cast<double>(bytes) / (1024.0 * 1024.0);
  };
  for (const PhaseTime& phase : timings) {
    std::cerr << fmt::format("  {:<40} {:9.4f} {:8.1f} {:8.1f}\n", phase.name, phase.seconds,
                             megabytes(phase.resident_bytes), megabytes(phase.peak_bytes));
  }
}

// The findings of a run are not freed one by one on the way out (for a large zone's hundreds
// of thousands of findings that takes a noticeable time): the end of the process returns
// all of their memory at once, as compilers do with their syntax trees. They stay reachable
// from a static, so leak checkers do not count them, and a further run in the same process
// (as in the tests) frees the one before.
void keep_until_exit(LintResult result) {
  static LintResult* kept = nullptr;
  delete kept;
  kept = new LintResult(std::move(result));
}

// What --verbose and --list-files say of a skipped file.
void print_skipped(const std::vector<SkippedFile>& skipped, bool walked_too) {
  for (const SkippedFile& file : skipped) {
    if (file.named || walked_too)
      std::cerr << fmt::format("dnslint: skipped '{}': {}\n", file.display_path, file.reason);
  }
}

// What every command that reads inputs does first: check the paths, find the configuration
// and the path root from them. True when standard input is among the paths.
bool prepare_inputs(CliOptions& options) {
  if (options.path_root) {
    std::error_code ec;
    if (!fs::is_directory(*options.path_root, ec)) {
      throw UsageError(fmt::format("--path-root '{}' is not a directory", *options.path_root));
    }
  }
  const bool reads_stdin = std::find(options.request.paths.begin(), options.request.paths.end(),
                                     "-") != options.request.paths.end();
  if (options.request.stdin_filename != kStdinName && !reads_stdin) {
    throw UsageError(
        "--stdin-filename names standard input, which is read only when '-' is "
        "among the paths");
  }
  if (options.request.paths.empty()) options.request.paths.push_back(".");
  // Configuration and repository belong to what is linted, wherever the run starts from.
  const fs::path linted = common_root(options.request.paths, options.request.stdin_filename);
  configure(options, linted);
  options.request.path_root = find_path_root(options.path_root, linted);
  if (options.verbose) {
    std::cerr << fmt::format("dnslint: configuration: {}\n", options.request.rules.source());
    std::cerr << fmt::format("dnslint: paths relative to {}\n", options.request.path_root.string());
  }
  return reads_stdin;
}

// Writes a command's output to --output or standard output.
void emit(const CliOptions& options, const std::string& text) {
  if (options.output) {
    write_atomically(*options.output, text);
    return;
  }
  std::fwrite(text.data(), 1, text.size(), stdout);
  if (std::fflush(stdout) != 0) throw InputError("cannot write the report to standard output");
}

int records_command(CliOptions& options) {
  prepare_inputs(options);
  fs::path root;
  const BuiltModel built = read_model(options.request, root);
  if (built.model.files.empty() && !options.allow_empty) {
    throw InputError(
        "no input file was read: the paths hold no zone file, Terraform or DNS YAML dnslint "
        "reads (--allow-empty accepts that)");
  }
  emit(options,
       options.records_format == "json" ? write_records_json(built) : write_records_text(built));
  const auto errors = std::count_if(built.findings.begin(), built.findings.end(),
                                    [](const Finding& f) { return f.severity == Severity::error; });
  if (errors > 0) {
    std::cerr << fmt::format(
        "dnslint: {} input error{} left records out; `dnslint` with the same paths reports them\n",
        errors, errors == 1 ? "" : "s");
  }
  return 0;
}

int lint_command(CliOptions& options) {
  const bool reads_stdin = prepare_inputs(options);
  if (options.statistics && options.format != "text") {
    throw UsageError(
        "--statistics counts findings in place of the text report; it takes no "
        "--format");
  }
  if (options.list_files) {
    const InputListing listing = list_inputs(options.request);
    for (const auto& [path, reader] : listing.read) std::cout << path << '\t' << reader << '\n';
    for (const SkippedFile& file : listing.skipped)
      std::cout << file.display_path << "\tskipped: " << file.reason << '\n';
    return 0;
  }
  if (options.command == Command::verify && (options.fix || options.diff || options.against)) {
    throw UsageError("dnslint verify checks the network: it takes no --fix, --diff or --against");
  }
  // A long verify run says on a terminal what it is asking.
  if (options.request.verify && !options.quiet && isatty(STDERR_FILENO) != 0) {
    options.request.verify->settings.progress = [](std::string_view what) {
      std::cerr << "dnslint verify: " << what << "\n";
    };
  }
  if ((options.fix || options.diff) && reads_stdin) {
    throw UsageError("--fix and --diff change files; standard input is not one");
  }
  if (options.fix && options.diff) throw UsageError("--fix writes what --diff prints: give one");
  if (options.against && reads_stdin)
    throw UsageError("--against compares files with a revision; standard input is not one");
  const auto baseline =
      options.baseline ? read_baseline(*options.baseline) : std::set<std::string>();
  // A plain run, or one about the changes since a revision (which says what it left out).
  const auto run_lint = [&options](bool say) {
    if (!options.against) return lint(options.request);
    ChangeReport change = lint_against(options.request, *options.against);
    if (say && !options.quiet) {
      std::cerr << fmt::format(
          "dnslint: {} changed since {}{}\n", plural(change.changed_files, "file"),
          *options.against,
          change.older_findings == 0
              ? std::string()
              : fmt::format("; {} elsewhere, there before the change, not shown",
                            plural(change.older_findings, "finding")));
    }
    return std::move(change.result);
  };
  LintResult result = run_lint(!options.fix);
  if (options.diff) {
    std::string diff;
    for (const FixedFile& file : plan_fixes(result)) diff += unified_diff(file);
    std::cout << diff;
    return diff.empty() ? 0 : 1;
  }
  if (options.fix) {
    std::size_t fixes = 0;
    const auto files = plan_fixes(result);
    const PathDisplay display(result.path_root);
    for (const FixedFile& file : files) {
      rewrite_file(display.resolve(file.path).string(), file.after);
      fixes += file.fixes;
    }
    if (!files.empty()) result = run_lint(true);  // what remains
    if (!options.quiet) {
      std::cerr << fmt::format("dnslint: fixed {} in {}\n", plural(fixes, "finding"),
                               plural(files.size(), "file"));
    }
  }
  if (!options.quiet) print_skipped(result.skipped, options.verbose);
  // A run that reads nothing is a misconfigured step, which must not pass for ever, and so is
  // one whose every file the configuration excludes.
  if (result.files.empty() && !options.allow_empty) {
    throw InputError(fmt::format(
        "no input file was read: the paths hold no zone file, Terraform or DNS YAML dnslint "
        "reads{} (--allow-empty accepts that)",
        result.excluded > 0
            ? fmt::format(" but the {} the configuration excludes", plural(result.excluded, "file"))
            : std::string()));
  }
  refuse_to_overwrite_inputs(options, result);
  if (options.write_baseline) {
    write_atomically(*options.write_baseline, write_baseline(result));
    std::cerr << fmt::format("dnslint: wrote {} to the baseline {}\n",
                             plural(result.findings.size(), "finding"), *options.write_baseline);
    return 0;
  }
  if (options.baseline) {
    const std::size_t known = apply_baseline(result, baseline);
    if (known > 0 && !options.quiet) {
      std::cerr << fmt::format(
          "dnslint: {} in the baseline\n",
          known == 1 ? std::string("1 finding is") : fmt::format("{} findings are", known));
    }
  }
  Stopwatch stopwatch(options.request.timing ? &result.timings : nullptr);
  for (const auto& [format, file] : options.reports) {
    write_atomically(file, render(result, format, false, options.sarif_suppressed));
  }
  const bool color = use_color(options.color, !options.output);
  // Source lines under the findings by default where a person reads the report: a terminal.
  const bool show_source = options.show_source.value_or(
      !options.output && options.format == "text" && ::isatty(STDOUT_FILENO) == 1);
  std::string report;
  if (options.statistics) {
    report = write_statistics(result);
  } else if (show_source && options.format == "text") {
    SourceFiles sources(result.files, result.path_root, result.unsaved_texts);
    report = write_text_with_source(
        result, color, [&](FileId file, std::uint32_t line) -> std::optional<std::string> {
          const std::vector<std::string>& lines = sources.lines(file);
          if (line == 0 || line > lines.size()) return std::nullopt;
          return lines[line - 1];
        });
  } else {
    report = render(result, options.format, color, options.sarif_suppressed);
  }
  emit(options, report);
  if (options.request.timing) {
    stopwatch.lap("report");
    print_timings(result.timings);
  }
  if (!options.quiet) std::cerr << write_summary(result);
  // What could not be read is an I/O error, whatever the findings' severity (read-error).
  const bool unreadable =
      std::any_of(result.findings.begin(), result.findings.end(),
                  [](const Finding& f) { return f.rule == rule_id::read_error; });
  const bool failed = !options.exit_zero && options.fail_on &&
                      std::any_of(result.findings.begin(), result.findings.end(),
                                  [&](const Finding& f) { return f.severity >= *options.fail_on; });
  keep_until_exit(std::move(result));
  return unreadable ? 2 : failed ? 1 : 0;
}

}  // namespace

void configure(CliOptions& options, const fs::path& start) {
  RuleConfiguration rules = RuleConfiguration::defaults();
  if (options.config_path) {
    rules.apply_file(*options.config_path);
  } else if (auto found = find_config_upward(start)) {
    rules.apply_file(*found);
  }
  // In the order given: --select turns every rule off but those it names.
  for (const auto& [option, list] : options.rule_switches) {
    if (option == "--select") {
      rules.select(list, option);
    } else {
      rules.set_enabled(list, option == "--enable", option);
    }
  }
  options.request.rules = std::move(rules);
}

int run_cli(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  try {
    CliOptions options = parse_command_line(args);
    switch (options.command) {
      case Command::help:
        std::cout << usage_text();
        return 0;
      case Command::version:
        std::cout << version_text() << "\n";
        return 0;
      case Command::rules:
        std::cout << write_rule_list(options.rules_format);
        return 0;
      case Command::completion:
        std::cout << completion_script(options.argument, rule_ids());
        return 0;
      case Command::lsp:
        return run_language_server(std::cin, std::cout, options);
      case Command::explain: {
        auto doc = rule_documentation(options.argument);
        if (!doc) {
          throw UsageError(fmt::format("unknown rule '{}'{} (see 'dnslint rules')",
                                       options.argument,
                                       did_you_mean(options.argument, rule_ids())));
        }
        std::cout << *doc;
        return 0;
      }
      case Command::config:
        configure(options);
        std::cout << (options.config_format == "json"
                          ? describe_configuration_json(options.request.rules)
                          : describe_configuration(options.request.rules));
        return 0;
      case Command::lint:
      case Command::verify:
        return lint_command(options);
      case Command::records:
        return records_command(options);
    }
  } catch (const UsageError& e) {
    std::cerr << "dnslint: " << e.what() << "\n";
  } catch (const ConfigError& e) {
    std::cerr << "dnslint: " << e.what() << "\n";
  } catch (const InputError& e) {
    std::cerr << "dnslint: " << e.what() << "\n";
  }
  return 2;
}

}  // namespace dnslint
