#include "linter/cli.hpp"

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

#include "linter/baseline.hpp"
#include "linter/inputs.hpp"
#include "linter/reports.hpp"
#include "linter/rule_catalog.hpp"
#include "linter/rule_docs.hpp"
#include "linter/suggest.hpp"
#include "linter/version.hpp"

namespace dnslint {
namespace fs = std::filesystem;

namespace {

std::uint64_t parse_count(std::string_view option, std::string_view text, std::uint64_t max) {
  std::uint64_t value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size() || value > max) {
    throw UsageError(
        fmt::format("{} takes a whole number from 0 to {}, not '{}'", option, max, text));
  }
  return value;
}

void expect_one_of(std::string_view option, const std::string& value,
                   std::initializer_list<std::string_view> allowed) {
  for (auto a : allowed) {
    if (value == a) return;
  }
  std::string list;
  for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
  throw UsageError(fmt::format("{} takes one of {}, not '{}'", option, list, value));
}

// The temporary report file being written. On SIGINT or SIGTERM it is removed before the
// process ends, so that an interrupted run leaves neither a partial report nor a stray file
// (the report itself only ever appears by rename).
char g_temporary[4096];
volatile std::sig_atomic_t g_writing = 0;

extern "C" void remove_partial_report(int signal_number) {
  if (g_writing != 0) ::unlink(g_temporary);
  std::signal(signal_number, SIG_DFL);
  std::raise(signal_number);
}

// Writes `text` to `path` through a temporary file and a rename, so that no reader ever sees
// half a report.
void write_atomically(const std::string& path, const std::string& text) {
  const fs::path target(path);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    throw InputError(
        fmt::format("cannot write '{}': directory '{}' does not exist", path, dir.string()));
  }
  const fs::path temporary = dir / fmt::format(".{}.tmp{}", target.filename().string(), ::getpid());
  const std::string temporary_name = temporary.string();
  if (temporary_name.size() >= sizeof g_temporary)
    throw InputError(fmt::format("cannot write '{}': the path is too long", path));
  std::memcpy(g_temporary, temporary_name.c_str(), temporary_name.size() + 1);
  std::signal(SIGINT, remove_partial_report);
  std::signal(SIGTERM, remove_partial_report);
  g_writing = 1;
  struct Done {
    ~Done() { g_writing = 0; }
  } done;
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) {
      fs::remove(temporary, ec);
      throw InputError(fmt::format("cannot write '{}'", path));
    }
  }
  fs::rename(temporary, target, ec);
  if (ec) {
    fs::remove(temporary, ec);
    throw InputError(fmt::format("cannot write '{}': {}", path, ec.message()));
  }
}

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

// The long options --help lists, for "did you mean".
const std::vector<std::string_view>& long_options() {
  static const std::string text = usage_text();
  static const std::vector<std::string_view> options = [] {
    std::vector<std::string_view> found;
    const std::string_view all = text;
    for (std::size_t at = all.find("--"); at != std::string_view::npos;
         at = all.find("--", at + 2)) {
      std::size_t end = at + 2;
      while (end < all.size() &&
             (std::isalnum(static_cast<unsigned char>(all[end])) != 0 || all[end] == '-')) {
        ++end;
      }
      if (end > at + 2) found.push_back(all.substr(at, end - at));
    }
    return found;
  }();
  return options;
}

// The lines of the files a report points at, read when first asked for (--show-source).
class SourceLines {
 public:
  SourceLines(const LintResult& result, std::vector<std::string> from_stdin)
      : result_(result), display_(result.path_root), from_stdin_(std::move(from_stdin)) {}

  std::optional<std::string> line(FileId file, std::uint32_t number) {
    auto [at, inserted] = files_.try_emplace(file);
    if (inserted) load(file, at->second);
    const std::vector<std::string>& lines = at->second;
    if (number == 0 || number > lines.size()) return std::nullopt;
    return lines[number - 1];
  }

 private:
  void load(FileId file, std::vector<std::string>& lines) const {
    const std::string& shown = result_.files[file];
    // A buffer piped on standard input may differ from the file of its name on disk.
    if (std::find(from_stdin_.begin(), from_stdin_.end(), shown) != from_stdin_.end()) return;
    std::ifstream in(display_.resolve(shown), std::ios::binary);
    for (std::string text; std::getline(in, text);) {
      if (!text.empty() && text.back() == '\r') text.pop_back();
      lines.push_back(std::move(text));
    }
  }

  const LintResult& result_;
  PathDisplay display_;
  std::vector<std::string> from_stdin_;
  std::map<FileId, std::vector<std::string>> files_;
};

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

// The findings of a run are not freed one by one on the way out (for the 230,000 findings of a
// zone of two million records that took a tenth of a second): the end of the process returns
// all of their memory at once, as compilers do with their syntax trees. They stay reachable
// from a static, so leak checkers do not count them, and a further run in the same process
// (as in the tests) frees the one before.
void keep_until_exit(LintResult result) {
  static LintResult* kept = nullptr;
  delete kept;
  kept = new LintResult(std::move(result));
}

int lint_command(CliOptions& options) {
  if (options.input_format) {
    options.request.input_format = input_format_from_name(*options.input_format);
  }
  configure(options);
  if (options.path_root) {
    std::error_code ec;
    if (!fs::is_directory(*options.path_root, ec)) {
      throw UsageError(fmt::format("--path-root '{}' is not a directory", *options.path_root));
    }
  }
  options.request.path_root = find_path_root(options.path_root);
  const bool reads_stdin = std::find(options.request.paths.begin(), options.request.paths.end(),
                                     "-") != options.request.paths.end();
  if (options.request.stdin_filename != kStdinName && !reads_stdin) {
    throw UsageError(
        "--stdin-filename names standard input, which is read only when '-' is "
        "among the paths");
  }
  if (options.request.paths.empty()) options.request.paths.push_back(".");
  if (options.statistics && options.format != "text") {
    throw UsageError(
        "--statistics counts findings in place of the text report; it takes no "
        "--format");
  }
  if (options.list_files) {
    for (const auto& [path, reader] : list_inputs(options.request)) {
      std::cout << path << '\t' << reader << '\n';
    }
    return 0;
  }
  const auto baseline =
      options.baseline ? read_baseline(*options.baseline) : std::set<std::string>();
  LintResult result = lint(options.request);
  if (!options.quiet) {
    for (const std::string& skipped : result.skipped) std::cerr << "dnslint: " << skipped << '\n';
  }
  // A run that reads nothing is a misconfigured step, which must not pass for ever; a run whose
  // every file the configuration excludes read what it was told to.
  if (result.files.empty() && result.excluded == 0 && !options.allow_empty) {
    throw InputError(
        "no input file was read: the paths hold no zone file, Terraform or DNS YAML dnslint "
        "reads (--allow-empty accepts that)");
  }
  refuse_to_overwrite_inputs(options, result);
  if (options.write_baseline) {
    write_atomically(*options.write_baseline, write_baseline(result));
    std::cerr << fmt::format("dnslint: wrote {} finding(s) to the baseline {}\n",
                             result.findings.size(), *options.write_baseline);
    return 0;
  }
  if (options.baseline) {
    const std::size_t known = apply_baseline(result, baseline);
    if (known > 0 && !options.quiet) {
      std::cerr << fmt::format("dnslint: {} finding(s) are in the baseline\n", known);
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
    std::vector<std::string> from_stdin;
    if (std::find(options.request.paths.begin(), options.request.paths.end(), "-") !=
        options.request.paths.end()) {
      from_stdin.push_back(PathDisplay(result.path_root).show(options.request.stdin_filename));
      from_stdin.emplace_back(kStdinName);
    }
    SourceLines sources(result, std::move(from_stdin));
    report = write_text_with_source(
        result, color, [&](FileId file, std::uint32_t line) { return sources.line(file, line); });
  } else {
    report = render(result, options.format, color, options.sarif_suppressed);
  }
  if (options.output) {
    write_atomically(*options.output, report);
  } else {
    std::fwrite(report.data(), 1, report.size(), stdout);
    if (std::fflush(stdout) != 0) throw InputError("cannot write the report to standard output");
  }
  if (options.request.timing) {
    stopwatch.lap("report");
    print_timings(result.timings);
  }
  if (!options.quiet) std::cerr << write_summary(result);
  const bool failed = !options.exit_zero && options.fail_on &&
                      std::any_of(result.findings.begin(), result.findings.end(),
                                  [&](const Finding& f) { return f.severity >= *options.fail_on; });
  keep_until_exit(std::move(result));
  return failed ? 1 : 0;
}

}  // namespace

std::string usage_text() {
  return R"(usage: dnslint [OPTIONS] [PATH...]      lint zone files and directories (default: .)
       dnslint rules [--format text|json|markdown]
       dnslint explain RULE
       dnslint config [--config FILE] [--format yaml|json]   print the effective configuration
       dnslint --version | --help

PATH '-' reads standard input. Directories are walked for zone files (*.zone, *.db, db.*,
*.arpa), Terraform (*.tf, *.tfvars, *.tf.json, plans, state) and DNS YAML.

options:
  -f, --format FORMAT           text (default), json, sarif, github, gitlab, junit or markdown
  -o, --output FILE             write the report to FILE (atomically)
      --report FORMAT=FILE      also write a report in FORMAT to FILE (repeatable)
      --sarif-suppressed        keep suppressed findings in SARIF, marked as suppressed
      --origin NAME             origin for zone files that set none, zone of octoDNS files
      --input-format FORMAT     zone|tf|tf-json|tf-plan|tf-state|octodns|dnsendpoint|
                                cloudformation (default: by file name and content)
      --var NAME=VALUE          a Terraform input variable of root modules (repeatable)
      --var-file FILE           Terraform variable values from FILE (*.tfvars, repeatable)
      --config FILE             configuration (default: nearest .dnslint.yaml upward)
      --select RULE[,RULE]      run only these rules (ALL: every rule)
      --enable RULE[,RULE]      turn rules on
      --disable, --ignore RULE[,RULE]   turn rules off (ALL: every rule)
      --fail-on LEVEL           error|warning|note|never: exit 1 at or above it (default warning)
      --exit-zero               exit 0 even with findings (2 still means a usage or I/O error)
  -q, --quiet                   print the findings and nothing else (no summary, no notes on
                                skipped files)
      --statistics              print the number of findings per rule instead of the findings
      --show-source             print the source line and a caret under each finding (default
                                on a terminal); --no-show-source turns it off
      --list-files              print the files a run would read, and the reader of each, and
                                exit
      --stdin-filename NAME     read '-' as the file NAME would be: its reader, its name in
                                reports, its folder for $INCLUDE and Terraform modules
      --path-root DIR           report paths relative to DIR (default: the top of the git
                                work tree, else the current directory)
      --force-exclude           apply the configuration's exclude globs to named files too
      --allow-empty             exit 0 when no input file is read (default: exit 2)
  -j, --jobs N                  threads (default: all cores)
      --color auto|always|never colour the text report (NO_COLOR is honoured)
      --include-root DIR        also allow $INCLUDE files below DIR (repeatable)
      --include-base file|cwd   relative $INCLUDE paths start at the zone file's directory
                                (default) or at the current directory, as named reads them
      --max-include-depth N     nesting limit for $INCLUDE (default 32)
      --max-generate N          records one $GENERATE may create (default 1000000)
      --max-file-size BYTES     larger inputs and $INCLUDE files are not read (default 1 GiB)
      --max-nesting N           JSON, YAML and HCL nesting limit (default 512)
      --report-unused-suppressions   report suppression comments that matched no finding
      --timing                  print the time and memory of each phase and rule to standard
                                error
      --baseline FILE           report only findings that FILE does not hold
      --write-baseline FILE     record every current finding in FILE (and exit 0)
  -h, --help                    this text
      --version                 print the version

exit status: 0 no finding at or above --fail-on, 1 findings, 2 usage, I/O or configuration error
)";
}

CliOptions parse_command_line(const std::vector<std::string>& args) {
  CliOptions options;
  options.request.jobs = 0;  // all cores, unless -j says otherwise
  std::size_t i = 0;
  if (!args.empty() && (args[0] == "rules" || args[0] == "explain" || args[0] == "config")) {
    options.command = args[0] == "rules"     ? Command::rules
                      : args[0] == "explain" ? Command::explain
                                             : Command::config;
    i = 1;
  }
  bool only_paths = false;
  for (; i < args.size(); ++i) {
    std::string arg = args[i];
    if (only_paths || arg == "-" || arg.empty() || arg[0] != '-') {
      if (options.command == Command::explain) {
        if (!options.explain_id.empty()) throw UsageError("explain takes one rule id");
        options.explain_id = arg;
      } else if (options.command == Command::rules || options.command == Command::config) {
        throw UsageError(fmt::format("{} takes no argument '{}'", args[0], arg));
      } else {
        options.request.paths.push_back(arg);
      }
      continue;
    }
    if (arg == "--") {
      only_paths = true;
      continue;
    }
    std::optional<std::string> inline_value;
    if (auto eq = arg.find('='); arg.starts_with("--") && eq != std::string::npos) {
      inline_value = arg.substr(eq + 1);
      arg = arg.substr(0, eq);
    } else if (arg.size() > 2 && (arg[1] == 'f' || arg[1] == 'o' || arg[1] == 'j')) {
      // A short option with its value attached, as getopt takes them: -j1, -fjson, -oreport.
      inline_value = arg.substr(2);
      arg = arg.substr(0, 2);
    }
    auto value = [&]() -> std::string {
      if (inline_value) return *inline_value;
      if (i + 1 >= args.size()) throw UsageError(fmt::format("{} needs a value", arg));
      return args[++i];
    };
    if (arg == "-h" || arg == "--help") {
      options.command = Command::help;
    } else if (arg == "--version") {
      options.command = Command::version;
    } else if (arg == "-f" || arg == "--format") {
      const std::string format = value();
      if (options.command == Command::rules) {
        expect_one_of(arg, format, {"text", "json", "markdown"});
        options.rules_format = format;
      } else if (options.command == Command::config) {
        expect_one_of(arg, format, {"yaml", "json"});
        options.config_format = format;
      } else {
        expect_one_of(arg, format,
                      {"text", "json", "sarif", "github", "gitlab", "junit", "markdown"});
        options.format = format;
      }
    } else if (arg == "-o" || arg == "--output") {
      options.output = value();
    } else if (arg == "--origin") {
      options.request.origin = value();
    } else if (arg == "--input-format") {
      options.input_format = value();
      expect_one_of(arg, *options.input_format,
                    {"zone", "tf", "tf-json", "tf-plan", "tf-state", "octodns", "dnsendpoint",
                     "cloudformation"});
    } else if (arg == "--var") {
      const std::string assignment = value();
      const auto eq = assignment.find('=');
      if (eq == std::string::npos || eq == 0) {
        throw UsageError(fmt::format("--var takes NAME=VALUE, not '{}'", assignment));
      }
      options.request.variables.emplace_back(assignment.substr(0, eq), assignment.substr(eq + 1));
    } else if (arg == "--var-file") {
      options.request.var_files.push_back(value());
    } else if (arg == "--config") {
      options.config_path = value();
    } else if (arg == "--enable") {
      options.rule_switches.emplace_back(arg, value());
    } else if (arg == "--disable" || arg == "--ignore") {
      options.rule_switches.emplace_back("--disable", value());
    } else if (arg == "--select") {
      options.rule_switches.emplace_back(arg, value());
    } else if (arg == "-q" || arg == "--quiet") {
      options.quiet = true;
    } else if (arg == "--statistics") {
      options.statistics = true;
    } else if (arg == "--exit-zero") {
      options.exit_zero = true;
    } else if (arg == "--list-files") {
      options.list_files = true;
    } else if (arg == "--show-source") {
      options.show_source = true;
    } else if (arg == "--no-show-source") {
      options.show_source = false;
    } else if (arg == "--fail-on") {
      const std::string level = value();
      expect_one_of(arg, level, {"error", "warning", "note", "never"});
      options.fail_on = level == "never" ? std::nullopt : severity_from_name(level);
    } else if (arg == "--stdin-filename") {
      options.request.stdin_filename = value();
    } else if (arg == "--path-root") {
      options.path_root = value();
    } else if (arg == "--force-exclude") {
      options.request.force_exclude = true;
    } else if (arg == "--allow-empty") {
      options.allow_empty = true;
    } else if (arg == "-j" || arg == "--jobs") {
      options.request.jobs = static_cast<unsigned>(parse_count(arg, value(), 1024));
    } else if (arg == "--color") {
      options.color = value();
      expect_one_of(arg, options.color, {"auto", "always", "never"});
    } else if (arg == "--include-root") {
      options.request.include_roots.emplace_back(value());
    } else if (arg == "--include-base") {
      const std::string base = value();
      expect_one_of(arg, base, {"file", "cwd"});
      options.request.include_base = base == "file" ? IncludeBase::file : IncludeBase::cwd;
    } else if (arg == "--max-include-depth") {
      options.request.max_include_depth = static_cast<unsigned>(parse_count(arg, value(), 10000));
    } else if (arg == "--report") {
      const std::string spec = value();
      const auto eq = spec.find('=');
      if (eq == std::string::npos || eq + 1 == spec.size()) {
        throw UsageError(fmt::format("--report takes FORMAT=FILE, not '{}'", spec));
      }
      const std::string format = spec.substr(0, eq);
      expect_one_of(arg, format,
                    {"text", "json", "sarif", "github", "gitlab", "junit", "markdown"});
      options.reports.emplace_back(format, spec.substr(eq + 1));
    } else if (arg == "--sarif-suppressed") {
      options.sarif_suppressed = true;
    } else if (arg == "--baseline") {
      options.baseline = value();
    } else if (arg == "--write-baseline") {
      options.write_baseline = value();
    } else if (arg == "--timing") {
      options.request.timing = true;
    } else if (arg == "--report-unused-suppressions") {
      options.request.report_unused_suppressions = true;
    } else if (arg == "--max-file-size") {
      options.request.max_file_size = parse_count(arg, value(), std::uint64_t{1} << 40);
    } else if (arg == "--max-nesting") {
      options.request.max_nesting = static_cast<unsigned>(parse_count(arg, value(), 100'000));
    } else if (arg == "--max-generate") {
      options.request.max_generate_records = parse_count(arg, value(), 1'000'000'000);
    } else {
      throw UsageError(fmt::format("unknown option '{}'{} (see --help)", arg,
                                   did_you_mean(arg, long_options())));
    }
  }
  if (options.command == Command::explain && options.explain_id.empty()) {
    throw UsageError("explain needs a rule id (see 'dnslint rules')");
  }
  if (options.request.jobs == 0) {
    options.request.jobs = std::max(1u, std::thread::hardware_concurrency());
  }
  return options;
}

void configure(CliOptions& options) {
  RuleConfiguration rules = RuleConfiguration::defaults();
  if (options.config_path) {
    rules.apply_file(*options.config_path);
  } else if (auto found = find_config_upward(fs::current_path())) {
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
        std::cout << "dnslint " << kVersion << "\n";
        return 0;
      case Command::rules:
        std::cout << write_rule_list(options.rules_format);
        return 0;
      case Command::explain: {
        auto doc = rule_documentation(options.explain_id);
        if (!doc) {
          throw UsageError(fmt::format("unknown rule '{}'{} (see 'dnslint rules')",
                                       options.explain_id,
                                       did_you_mean(options.explain_id, rule_ids())));
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
        return lint_command(options);
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
