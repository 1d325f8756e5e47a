// The command line as one table: each option once, with its value, help and effect. Parsing,
// --help, "did you mean" and the shell completions are all made from it.
#include "linter/cli/options.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <thread>

#include "linter/cli/suggest.hpp"
#include "linter/config/config.hpp"
#include "linter/inputs/collect.hpp"
#include "live/network.hpp"

namespace dnslint {
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

// The settings of `dnslint verify`, for one of its options; a usage error with any other
// command.
VerifyRequest& verify_settings(CliOptions& o, std::string_view option) {
  if (o.command != Command::verify)
    throw UsageError(fmt::format("{} is an option of `dnslint verify`", option));
  if (!o.request.verify) o.request.verify.emplace();
  return *o.request.verify;
}

live::Endpoint parse_server_address(std::string_view option, std::string_view text) {
  auto endpoint = live::parse_endpoint(text);
  if (!endpoint) {
    throw UsageError(
        fmt::format("{} takes an IP address with an optional port (192.0.2.1, 192.0.2.1:5353, "
                    "[2001:db8::1]:53), not '{}'",
                    option, text));
  }
  return *endpoint;
}

std::uint16_t parse_port(std::string_view option, std::string_view text) {
  const auto port = parse_count(option, text, 65535);
  if (port == 0) throw UsageError(fmt::format("{} takes a port from 1 to 65535, not 0", option));
  return static_cast<std::uint16_t>(port);
}

std::string join(const std::vector<std::string_view>& words, std::string_view separator) {
  std::string out;
  for (std::string_view word : words) {
    if (!out.empty()) out += separator;
    out += word;
  }
  return out;
}

void expect_one_of(std::string_view option, const std::string& value,
                   const std::vector<std::string_view>& allowed) {
  if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return;
  throw UsageError(fmt::format("{} takes one of {}, not '{}'", option, join(allowed, ", "), value));
}

const std::vector<std::string_view> kRuleListFormats{"text", "json", "markdown"};
const std::vector<std::string_view> kConfigFormats{"yaml", "json"};
const std::vector<std::string_view> kRecordsFormats{"text", "json"};
const std::vector<std::string_view> kInputFormats{
    "zone", "tf", "tf-json", "tf-plan", "tf-state", "octodns", "dnsendpoint", "cloudformation"};

// A value taken from `choices`: a report format, a severity, a colour mode.
CliOption choice(std::string_view name, std::string_view short_name, std::string_view value,
                 std::vector<std::string_view> choices, std::string_view help,
                 void (*apply)(CliOptions&, const std::string&)) {
  return {name, short_name, value, help, std::move(choices), apply};
}

std::vector<CliOption> make_options() {
  const std::vector<std::string_view> formats = report_format_names();
  return {
      choice("--format", "-f", "FORMAT", formats,
             "report format: text (default), json, sarif, github, gitlab, junit or markdown; "
             "for `rules` text, json or markdown, for `config` yaml or json, for `records` "
             "text or json",
             [](CliOptions& o, const std::string& v) {
               if (o.command == Command::rules) {
                 expect_one_of("--format", v, kRuleListFormats);
                 o.rules_format = v;
               } else if (o.command == Command::config) {
                 expect_one_of("--format", v, kConfigFormats);
                 o.config_format = v;
               } else if (o.command == Command::records) {
                 expect_one_of("--format", v, kRecordsFormats);
                 o.records_format = v;
               } else {
                 expect_one_of("--format", v, report_format_names());
                 o.format = v;
               }
             }),
      {"--output",
       "-o",
       "FILE",
       "write the report to FILE (atomically)",
       {},
       [](CliOptions& o, const std::string& v) { o.output = v; }},
      {"--report",
       "",
       "FORMAT=FILE",
       "also write a report in FORMAT to FILE (repeatable)",
       {},
       [](CliOptions& o, const std::string& v) {
         const auto eq = v.find('=');
         if (eq == std::string::npos || eq + 1 == v.size()) {
           throw UsageError(fmt::format("--report takes FORMAT=FILE, not '{}'", v));
         }
         const std::string format = v.substr(0, eq);
         expect_one_of("--report", format, report_format_names());
         o.reports.emplace_back(format, v.substr(eq + 1));
       }},
      {"--sarif-suppressed",
       "",
       "",
       "keep suppressed findings in SARIF, marked as suppressed",
       {},
       [](CliOptions& o, const std::string&) { o.sarif_suppressed = true; }},
      {"--origin",
       "",
       "NAME",
       "origin for zone files that set none, zone of octoDNS files",
       {},
       [](CliOptions& o, const std::string& v) { o.request.origin = v; }},
      choice("--input-format", "", "FORMAT", kInputFormats,
             "read every input as FORMAT: zone, tf, tf-json, tf-plan, tf-state, octodns, "
             "dnsendpoint or cloudformation (default: by file name and content)",
             [](CliOptions& o, const std::string& v) {
               expect_one_of("--input-format", v, kInputFormats);
               o.request.input_format = input_format_from_name(v);
             }),
      {"--var",
       "",
       "NAME=VALUE",
       "a Terraform input variable of root modules (repeatable)",
       {},
       [](CliOptions& o, const std::string& v) {
         const auto eq = v.find('=');
         if (eq == std::string::npos || eq == 0) {
           throw UsageError(fmt::format("--var takes NAME=VALUE, not '{}'", v));
         }
         o.request.variables.emplace_back(v.substr(0, eq), v.substr(eq + 1));
       }},
      {"--var-file",
       "",
       "FILE",
       "Terraform variable values from FILE (*.tfvars, repeatable)",
       {},
       [](CliOptions& o, const std::string& v) { o.request.var_files.push_back(v); }},
      {"--config",
       "",
       "FILE",
       "configuration (default: nearest .dnslint.yaml upward)",
       {},
       [](CliOptions& o, const std::string& v) { o.config_path = v; }},
      {"--select",
       "",
       "RULE[,RULE]",
       "run only these rules (ALL: every rule)",
       {},
       [](CliOptions& o, const std::string& v) { o.rule_switches.emplace_back("--select", v); }},
      {"--enable",
       "",
       "RULE[,RULE]",
       "turn rules on",
       {},
       [](CliOptions& o, const std::string& v) { o.rule_switches.emplace_back("--enable", v); }},
      {"--disable",
       "",
       "RULE[,RULE]",
       "turn rules off (ALL: every rule)",
       {},
       [](CliOptions& o, const std::string& v) { o.rule_switches.emplace_back("--disable", v); }},
      {"--ignore",
       "",
       "RULE[,RULE]",
       "the same as --disable",
       {},
       [](CliOptions& o, const std::string& v) { o.rule_switches.emplace_back("--disable", v); }},
      choice("--fail-on", "", "LEVEL", {"error", "warning", "note", "never"},
             "exit 1 at or above this severity: error, warning (default), note or never",
             [](CliOptions& o, const std::string& v) {
               expect_one_of("--fail-on", v, {"error", "warning", "note", "never"});
               o.fail_on = v == "never" ? std::nullopt : severity_from_name(v);
             }),
      {"--fix",
       "",
       "",
       "apply the fixes whose meaning is certain, then report what remains",
       {},
       [](CliOptions& o, const std::string&) { o.fix = true; }},
      {"--diff",
       "",
       "",
       "print the fixes as a unified diff instead of applying them (exit 1 when there are any)",
       {},
       [](CliOptions& o, const std::string&) { o.diff = true; }},
      {"--exit-zero",
       "",
       "",
       "exit 0 even with findings (2 still means a usage or I/O error)",
       {},
       [](CliOptions& o, const std::string&) { o.exit_zero = true; }},
      {"--quiet",
       "-q",
       "",
       "print the findings and nothing else (no summary on standard error)",
       {},
       [](CliOptions& o, const std::string&) { o.quiet = true; }},
      {"--statistics",
       "",
       "",
       "print the number of findings per rule instead of the findings",
       {},
       [](CliOptions& o, const std::string&) { o.statistics = true; }},
      {"--show-source",
       "",
       "",
       "print the source line and a caret under each finding (default on a terminal)",
       {},
       [](CliOptions& o, const std::string&) { o.show_source = true; }},
      {"--no-show-source",
       "",
       "",
       "never print source lines",
       {},
       [](CliOptions& o, const std::string&) { o.show_source = false; }},
      {"--list-files",
       "",
       "",
       "print the files a run would read, with the reader of each, and those it would skip, "
       "with the reason, and exit",
       {},
       [](CliOptions& o, const std::string&) { o.list_files = true; }},
      {"--against",
       "",
       "REV",
       "report what the changes since git revision REV break: the findings in the files they "
       "touch and those they cause elsewhere (the whole repository is read; the pre-commit "
       "hook passes HEAD)",
       {},
       [](CliOptions& o, const std::string& v) { o.against = v; }},
      {"--verbose",
       "-v",
       "",
       "say on standard error which configuration and path root the run uses, and every file "
       "a walk skipped and why",
       {},
       [](CliOptions& o, const std::string&) { o.verbose = true; }},
      {"--stdin-filename",
       "",
       "NAME",
       "read '-' as the file NAME would be: its reader, its name in reports, its folder for "
       "$INCLUDE and Terraform modules",
       {},
       [](CliOptions& o, const std::string& v) { o.request.stdin_filename = v; }},
      {"--path-root",
       "",
       "DIR",
       "report paths relative to DIR (default: the top of the git work tree that holds the "
       "linted paths, else the current directory); $INCLUDE may reach any file below it",
       {},
       [](CliOptions& o, const std::string& v) { o.path_root = v; }},
      {"--force-exclude",
       "",
       "",
       "apply the configuration's exclude globs to named files too",
       {},
       [](CliOptions& o, const std::string&) { o.request.force_exclude = true; }},
      {"--allow-empty",
       "",
       "",
       "exit 0 when no input file is read (default: exit 2)",
       {},
       [](CliOptions& o, const std::string&) { o.allow_empty = true; }},
      {"--jobs",
       "-j",
       "N",
       "threads (default: all cores); the output never depends on it",
       {},
       [](CliOptions& o, const std::string& v) {
         o.request.jobs = static_cast<unsigned>(parse_count("--jobs", v, 1024));
       }},
      choice("--color", "", "WHEN", {"auto", "always", "never"},
             "colour the text report: auto (on a terminal, default), always or never; NO_COLOR "
             "is honoured",
             [](CliOptions& o, const std::string& v) {
               expect_one_of("--color", v, {"auto", "always", "never"});
               o.color = v;
             }),
      {"--include-root",
       "",
       "DIR",
       "also allow $INCLUDE files below DIR (repeatable; the repository is always allowed)",
       {},
       [](CliOptions& o, const std::string& v) { o.request.include_roots.emplace_back(v); }},
      choice("--include-base", "", "BASE", {"file", "cwd"},
             "relative $INCLUDE paths start at the zone file's directory (file, default) or at "
             "the current directory (cwd), as named reads them",
             [](CliOptions& o, const std::string& v) {
               expect_one_of("--include-base", v, {"file", "cwd"});
               o.request.include_base = v == "file" ? IncludeBase::file : IncludeBase::cwd;
             }),
      {"--max-include-depth",
       "",
       "N",
       "nesting limit for $INCLUDE (default 32)",
       {},
       [](CliOptions& o, const std::string& v) {
         o.request.max_include_depth =
             static_cast<unsigned>(parse_count("--max-include-depth", v, 10000));
       }},
      {"--max-generate",
       "",
       "N",
       "records one $GENERATE may create (default 1000000)",
       {},
       [](CliOptions& o, const std::string& v) {
         o.request.max_generate_records = parse_count("--max-generate", v, 1'000'000'000);
       }},
      {"--max-file-size",
       "",
       "BYTES",
       "larger inputs and $INCLUDE files are not read (default 1 GiB)",
       {},
       [](CliOptions& o, const std::string& v) {
         o.request.max_file_size = parse_count("--max-file-size", v, std::uint64_t{1} << 40);
       }},
      {"--max-nesting",
       "",
       "N",
       "JSON, YAML and HCL nesting limit (default 512)",
       {},
       [](CliOptions& o, const std::string& v) {
         o.request.max_nesting = static_cast<unsigned>(parse_count("--max-nesting", v, 100'000));
       }},
      {"--report-unused-suppressions",
       "",
       "",
       "report suppression comments that matched no finding",
       {},
       [](CliOptions& o, const std::string&) { o.request.report_unused_suppressions = true; }},
      {"--server",
       "",
       "NAME=ADDRESS[:PORT]",
       "verify: an authoritative server to check every zone on, instead of the zone's NS set "
       "(repeatable)",
       {},
       [](CliOptions& o, const std::string& v) {
         const auto eq = v.find('=');
         if (eq == std::string::npos || eq == 0)
           throw UsageError(fmt::format("--server takes NAME=ADDRESS[:PORT], not '{}'", v));
         verify_settings(o, "--server")
             .settings.servers.emplace_back(v.substr(0, eq),
                                            parse_server_address("--server", v.substr(eq + 1)));
       }},
      {"--resolver",
       "",
       "ADDRESS[:PORT]",
       "verify: the recursive resolver for NS hosts, mail exchanges, PTR and blocklists "
       "(default: the first of /etc/resolv.conf)",
       {},
       [](CliOptions& o, const std::string& v) {
         verify_settings(o, "--resolver").resolver = parse_server_address("--resolver", v);
       }},
      {"--timeout",
       "",
       "MS",
       "verify: milliseconds to wait for an answer, per try (default 2000)",
       {},
       [](CliOptions& o, const std::string& v) {
         verify_settings(o, "--timeout").limits.timeout_ms = static_cast<unsigned>(
             std::max<std::uint64_t>(1, parse_count("--timeout", v, 600'000)));
       }},
      {"--tries",
       "",
       "N",
       "verify: UDP tries per question before a server counts as not answering (default 2)",
       {},
       [](CliOptions& o, const std::string& v) {
         verify_settings(o, "--tries").limits.tries =
             static_cast<unsigned>(std::max<std::uint64_t>(1, parse_count("--tries", v, 10)));
       }},
      {"--max-in-flight",
       "",
       "N",
       "verify: questions outstanding at once, over all servers (default 64)",
       {},
       [](CliOptions& o, const std::string& v) {
         verify_settings(o, "--max-in-flight").limits.in_flight = static_cast<unsigned>(
             std::max<std::uint64_t>(1, parse_count("--max-in-flight", v, 4096)));
       }},
      {"--rate",
       "",
       "N",
       "verify: questions per second to one server, 0 for no limit (default 1000)",
       {},
       [](CliOptions& o, const std::string& v) {
         verify_settings(o, "--rate").limits.rate =
             static_cast<unsigned>(parse_count("--rate", v, 1'000'000));
       }},
      {"--record",
       "",
       "FILE",
       "verify: write every question and answer to FILE, for --replay",
       {},
       [](CliOptions& o, const std::string& v) { verify_settings(o, "--record").record = v; }},
      {"--replay",
       "",
       "FILE",
       "verify: take the answers from FILE (written by --record) instead of the network",
       {},
       [](CliOptions& o, const std::string& v) { verify_settings(o, "--replay").replay = v; }},
      {"--smtp",
       "",
       "",
       "verify: also talk SMTP to each mail exchange address (greeting, EHLO, STARTTLS, "
       "certificate); port 25 is blocked in many networks",
       {},
       [](CliOptions& o, const std::string&) {
         verify_settings(o, "--smtp").settings.smtp = true;
       }},
      {"--smtp-port",
       "",
       "PORT",
       "verify: the port --smtp connects to (default 25)",
       {},
       [](CliOptions& o, const std::string& v) {
         verify_settings(o, "--smtp-port").settings.smtp_port = parse_port("--smtp-port", v);
       }},
      {"--https-port",
       "",
       "PORT",
       "verify: the port MTA-STS policies are fetched from (default 443)",
       {},
       [](CliOptions& o, const std::string& v) {
         verify_settings(o, "--https-port").settings.https_port = parse_port("--https-port", v);
       }},
      {"--ca-file",
       "",
       "FILE",
       "verify: the certificates --smtp and the MTA-STS policy fetch trust (PEM; default: the "
       "system's)",
       {},
       [](CliOptions& o, const std::string& v) {
         verify_settings(o, "--ca-file").limits.ca_file = v;
       }},
      {"--timing",
       "",
       "",
       "print the time and memory of each phase and rule to standard error",
       {},
       [](CliOptions& o, const std::string&) { o.request.timing = true; }},
      {"--baseline",
       "",
       "FILE",
       "report only findings that FILE does not hold",
       {},
       [](CliOptions& o, const std::string& v) { o.baseline = v; }},
      {"--write-baseline",
       "",
       "FILE",
       "record every current finding in FILE (and exit 0)",
       {},
       [](CliOptions& o, const std::string& v) { o.write_baseline = v; }},
      {"--help",
       "-h",
       "",
       "this text",
       {},
       [](CliOptions& o, const std::string&) { o.command = Command::help; }},
      {"--version",
       "",
       "",
       "print the version",
       {},
       [](CliOptions& o, const std::string&) { o.command = Command::version; }},
  };
}

// `text` wrapped at `width` columns, the first line continuing from `column`, the others
// indented by `indent`.
std::string wrap(std::string_view text, std::size_t column, std::size_t indent, std::size_t width) {
  std::string out;
  bool first = true;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view word = text.substr(start, end - start);
    if (!first && column + 1 + word.size() > width) {
      out += '\n' + std::string(indent, ' ');
      column = indent;
    } else if (!first) {
      out += ' ';
      ++column;
    }
    out += word;
    column += word.size();
    first = false;
    start = end + 1;
  }
  return out + '\n';
}

// The help of one option, wrapped to the width of a terminal, its continuation lines indented.
std::string help_lines(const CliOption& option) {
  constexpr std::size_t kColumn = 32;
  constexpr std::size_t kWidth = 96;
  std::string head =
      option.short_name.empty() ? "      " : fmt::format("  {}, ", option.short_name);
  head += option.name;
  if (!option.value.empty()) head += fmt::format(" {}", option.value);
  if (head.size() + 1 >= kColumn)
    head += '\n' + std::string(kColumn, ' ');
  else
    head += std::string(kColumn - head.size(), ' ');
  return head + wrap(option.help, kColumn, kColumn, kWidth);
}

std::string command_names(std::string_view separator) {
  std::string names;
  for (const CliCommand& command : cli_commands()) {
    if (!names.empty()) names += separator;
    names += command.name;
  }
  return names;
}

}  // namespace

const std::vector<ReportFormat>& report_formats() {
  static const std::vector<ReportFormat> formats{
      {"text", "one line per finding: path:line:column: severity: message [rule-id]"},
      {"json", "the JSON report (version 1)"},
      {"sarif", "SARIF 2.1.0, for GitHub code scanning and SARIF viewers"},
      {"github", "GitHub Actions workflow commands: annotations on the pull request"},
      {"gitlab", "GitLab Code Quality report"},
      {"junit", "JUnit XML, for CI test tabs"},
      {"markdown", "Markdown, for a GitHub job summary"},
  };
  return formats;
}

std::vector<std::string_view> report_format_names() {
  std::vector<std::string_view> names;
  for (const ReportFormat& format : report_formats()) names.push_back(format.name);
  return names;
}

const std::vector<CliOption>& cli_options() {
  static const std::vector<CliOption> options = make_options();
  return options;
}

std::vector<std::string_view> long_options() {
  std::vector<std::string_view> names;
  for (const CliOption& option : cli_options()) names.push_back(option.name);
  return names;
}

const std::vector<CliCommand>& cli_commands() {
  static const std::vector<CliCommand> commands{
      {"verify", "[--server NAME=ADDRESS[:PORT]]... [PATH...]",
       "check the loaded zones against the network: servers, mail exchanges, blocklists",
       Command::verify},
      {"records", "[-f text|json] [PATH...]",
       "print the records the rules see, zone by zone, each with where it is written",
       Command::records},
      {"rules", "[-f text|json|markdown]", "list every rule", Command::rules},
      {"explain", "RULE", "print a rule's documentation", Command::explain},
      {"config", "[--config FILE] [-f yaml|json]", "print the effective configuration",
       Command::config},
      {"completion", "bash|zsh|fish", "print a shell completion script", Command::completion},
      {"lsp", "", "serve the Language Server Protocol on stdio", Command::lsp},
  };
  return commands;
}

std::string_view inputs_text() {
  return "PATH '-' reads standard input. Directories are walked for zone files (*.zone, *.db, "
         "db.*, *.arpa), Terraform (*.tf, *.tfvars, *.tf.json, plans, state), CloudFormation and "
         "DNS YAML.";
}

const std::vector<ExitStatus>& exit_statuses() {
  static const std::vector<ExitStatus> statuses{
      {0, "no finding at or above --fail-on"},
      {1, "findings at or above --fail-on"},
      {2, "a usage, I/O or configuration error, or no input file read"},
  };
  return statuses;
}

std::string usage_text() {
  std::vector<std::pair<std::string, std::string_view>> synopses{
      {"dnslint [OPTIONS] [PATH...]", "lint DNS files and folders (default: .)"}};
  for (const CliCommand& command : cli_commands()) {
    synopses.emplace_back(fmt::format("dnslint {} {}", command.name, command.arguments),
                          command.description);
  }
  std::size_t width = 0;
  for (const auto& synopsis : synopses) width = std::max(width, synopsis.first.size());
  std::string out;
  for (const auto& [synopsis, description] : synopses) {
    out +=
        fmt::format("{:<7}{:<{}}  {}\n", out.empty() ? "usage:" : "", synopsis, width, description);
  }
  out += "       dnslint --version | --help\n\n";
  out += wrap(inputs_text(), 0, 0, 96) + "\noptions:\n";
  for (const CliOption& option : cli_options()) out += help_lines(option);
  out += "\nexit status:\n";
  for (const ExitStatus& status : exit_statuses()) {
    out += fmt::format("  {}  {}\n", status.code, status.meaning);
  }
  return out;
}

CliOptions parse_command_line(const std::vector<std::string>& args) {
  CliOptions options;
  options.request.jobs = 0;  // all cores, unless -j says otherwise
  std::size_t i = 0;
  if (!args.empty()) {
    const std::string& first = args[0];
    for (const CliCommand& command : cli_commands()) {
      if (first == command.name) options.command = command.command;
    }
    if (options.command != Command::lint) i = 1;
    if (options.command == Command::verify) options.request.verify.emplace();
  }
  bool only_paths = false;
  for (; i < args.size(); ++i) {
    std::string arg = args[i];
    if (only_paths || arg == "-" || arg.empty() || arg[0] != '-') {
      switch (options.command) {
        case Command::explain:
        case Command::completion:
          if (!options.argument.empty()) {
            throw UsageError(fmt::format("{} takes one argument", args[0]));
          }
          options.argument = arg;
          break;
        case Command::rules:
        case Command::config:
        case Command::lsp:
          throw UsageError(fmt::format("{} takes no argument '{}'", args[0], arg));
        default:
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
    }
    const auto& table = cli_options();
    auto option = std::find_if(table.begin(), table.end(), [&](const CliOption& candidate) {
      return candidate.name == arg ||
             (!candidate.short_name.empty() && candidate.short_name == arg);
    });
    // A short option with its value attached, as getopt takes them: -j1, -fjson, -oreport.
    if (option == table.end() && !arg.starts_with("--") && arg.size() > 2) {
      option = std::find_if(table.begin(), table.end(), [&](const CliOption& candidate) {
        return !candidate.value.empty() && candidate.short_name == arg.substr(0, 2);
      });
      if (option != table.end()) {
        inline_value = arg.substr(2);
        arg = arg.substr(0, 2);
      }
    }
    if (option == table.end()) {
      throw UsageError(fmt::format("unknown option '{}'{} (see --help)", arg,
                                   did_you_mean(arg, long_options())));
    }
    std::string value;
    if (!option->value.empty()) {
      if (inline_value) {
        value = *inline_value;
      } else if (i + 1 < args.size()) {
        value = args[++i];
      } else {
        throw UsageError(fmt::format("{} needs a value", arg));
      }
    } else if (inline_value) {
      throw UsageError(fmt::format("{} takes no value", arg));
    }
    option->apply(options, value);
  }
  if (options.command == Command::explain && options.argument.empty()) {
    throw UsageError("explain needs a rule id (see 'dnslint rules')");
  }
  if (options.command == Command::completion) {
    expect_one_of("completion", options.argument, {"bash", "zsh", "fish"});
  }
  if (options.request.jobs == 0) {
    options.request.jobs = std::max(1u, std::thread::hardware_concurrency());
  }
  return options;
}

std::string completion_script(std::string_view shell, const std::vector<std::string_view>& rules) {
  const std::string rule_words = join(rules, " ");
  if (shell == "bash") {
    std::string cases;
    std::string takes_value;
    std::string words;
    for (const CliOption& option : cli_options()) {
      words += fmt::format(" {}", option.name);
      if (!option.short_name.empty()) words += fmt::format(" {}", option.short_name);
      if (option.value.empty()) continue;
      std::string names(option.name);
      if (!option.short_name.empty()) names += fmt::format("|{}", option.short_name);
      std::string candidates;
      if (!option.choices.empty()) {
        candidates = fmt::format("compgen -W \"{}\" -- \"$cur\"", join(option.choices, " "));
      } else if (option.value.starts_with("RULE")) {
        candidates = "_dnslint_list \"ALL $rules\"";
      } else if (option.value == "DIR") {
        candidates = "compgen -d -- \"$cur\"";
      } else if (option.value == "FILE" || option.value == "NAME") {
        candidates = "compgen -f -- \"$cur\"";
      } else {
        candidates = "true";
      }
      cases += candidates.starts_with("_dnslint")
                   ? fmt::format("    {}) {}; return ;;\n", names, candidates)
                   : fmt::format("    {}) COMPREPLY=($({})); return ;;\n", names, candidates);
    }
    return fmt::format(R"sh(# bash completion for dnslint: eval "$(dnslint completion bash)"
# The last item of a comma-separated list ("--select mx-target-cname,ns-"), the items before it kept.
_dnslint_list() {{
  local head="" last=$cur
  if [[ "$cur" == *,* ]]; then head=${{cur%,*}},; last=${{cur##*,}}; fi
  COMPREPLY=($(compgen -P "$head" -W "$1" -- "$last"))
  compopt -o nospace 2>/dev/null
}}
_dnslint() {{
  local cur=${{COMP_WORDS[COMP_CWORD]}} prev=${{COMP_WORDS[COMP_CWORD-1]}}
  local rules="{}"
  case "$prev" in
{}    explain) COMPREPLY=($(compgen -W "$rules" -- "$cur")); return ;;
    completion) COMPREPLY=($(compgen -W "bash zsh fish" -- "$cur")); return ;;
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "{}" -- "$cur"))
  elif [[ $COMP_CWORD -eq 1 ]]; then
    COMPREPLY=($(compgen -W "{}" -- "$cur") $(compgen -f -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}}
complete -o filenames -F _dnslint dnslint
)sh",
                       rule_words, cases, words, command_names(" "));
  }
  if (shell == "zsh") {
    std::string specs;
    for (const CliOption& option : cli_options()) {
      std::string help(option.help);
      std::replace(help.begin(), help.end(), '\'', '"');
      for (char bad : {'[', ']', ':'}) std::replace(help.begin(), help.end(), bad, ' ');
      std::string action;
      if (!option.value.empty()) {
        if (!option.choices.empty()) {
          action = fmt::format(":{}:({})", option.value, join(option.choices, " "));
        } else if (option.value.starts_with("RULE")) {
          action = fmt::format(":{}:(ALL {})", option.value, rule_words);
        } else if (option.value == "DIR") {
          action = fmt::format(":{}:_directories", option.value);
        } else {
          action = fmt::format(":{}:_files", option.value);
        }
      }
      const std::string equals = option.value.empty() ? "" : "=";
      specs += fmt::format("    '{}{}[{}]{}'\n", option.name, equals, help, action);
      if (!option.short_name.empty()) {
        specs += fmt::format("    '{}[{}]{}'\n", option.short_name, help, action);
      }
    }
    return fmt::format(R"sh(#compdef dnslint
# zsh completion for dnslint: dnslint completion zsh > "${{fpath[1]}}/_dnslint"
_arguments -s \
{}    '*:path:_files'
)sh",
                       specs);
  }
  std::string lines = "# fish completion for dnslint: dnslint completion fish | source\n";
  lines +=
      fmt::format("complete -c dnslint -n __fish_use_subcommand -a '{}'\n", command_names(" "));
  lines += fmt::format("complete -c dnslint -n '__fish_seen_subcommand_from explain' -a '{}'\n",
                       rule_words);
  for (const CliOption& option : cli_options()) {
    std::string help(option.help);
    std::replace(help.begin(), help.end(), '\'', '"');
    std::string line = fmt::format("complete -c dnslint -l {}", option.name.substr(2));
    if (!option.short_name.empty()) line += fmt::format(" -s {}", option.short_name.substr(1));
    if (!option.value.empty()) {
      line += " -r";
      if (!option.choices.empty()) {
        line += fmt::format(" -f -a '{}'", join(option.choices, " "));
      } else if (option.value.starts_with("RULE")) {
        line += fmt::format(" -f -a 'ALL {}'", rule_words);
      }
    }
    lines += fmt::format("{} -d '{}'\n", line, help);
  }
  return lines;
}

}  // namespace dnslint
