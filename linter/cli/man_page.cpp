#include "linter/cli/man_page.hpp"

#include <fmt/format.h>

#include "linter/cli/options.hpp"
#include "linter/cli/version.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

// Text as roff reads it (groff_man(7)): a backslash is written \e, a hyphen that is a minus or
// an option dash \-, and a line may not begin with a control character.
std::string roff(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-') {
      out += "\\-";
    } else {
      out += c;
    }
  }
  if (!out.empty() && (out[0] == '.' || out[0] == '\'')) out.insert(0, "\\&");
  return out;
}

std::string bold(std::string_view text) { return fmt::format("\\fB{}\\fR", roff(text)); }
std::string italic(std::string_view text) { return fmt::format("\\fI{}\\fR", roff(text)); }

}  // namespace

std::string man_page() {
  std::string out = fmt::format(
      ".\\\" Generated from dnslint's option table; edit linter/options.cpp, not this file.\n"
      ".TH DNSLINT 1 \"\" \"dnslint {}\" \"User Commands\"\n.nh\n",
      kVersion);
  out += ".SH NAME\ndnslint \\- lint DNS zone files and DNS as code\n";
  out += ".SH SYNOPSIS\n";
  out += fmt::format("{} [{}] [{}...]\n", bold("dnslint"), italic("OPTIONS"), italic("PATH"));
  for (const CliCommand& command : cli_commands()) {
    out += fmt::format(".br\n{} {} {}\n", bold("dnslint"), bold(command.name),
                       roff(command.arguments));
  }
  out += ".SH DESCRIPTION\n";
  out +=
      "dnslint reads BIND zone files, Terraform (native HCL, JSON, plans and state), octoDNS, "
      "Kubernetes external\\-dns DNSEndpoint and CloudFormation into one record model, runs its "
      "rules over every record and reports each finding with its file, line and column.\n";
  out += ".PP\n" + roff(inputs_text()) + "\n";
  out += ".SH COMMANDS\n";
  for (const CliCommand& command : cli_commands()) {
    out += fmt::format(".TP\n{} {}\n{}\n", bold(command.name), roff(command.arguments),
                       roff(command.description));
  }
  out += ".SH OPTIONS\n";
  for (const CliOption& option : cli_options()) {
    std::string head = bold(option.name);
    if (!option.short_name.empty()) head = fmt::format("{}, {}", bold(option.short_name), head);
    if (!option.value.empty()) head = fmt::format("{} {}", head, italic(option.value));
    out += fmt::format(".TP\n{}\n{}\n", head, roff(option.help));
  }
  out += ".SH REPORT FORMATS\n";
  for (const ReportFormat& format : report_formats()) {
    out += fmt::format(".TP\n{}\n{}\n", bold(format.name), roff(format.description));
  }
  out += ".SH EXIT STATUS\n";
  for (const ExitStatus& status : exit_statuses()) {
    out += fmt::format(".TP\n{}\n{}\n", bold(std::to_string(status.code)), roff(status.meaning));
  }
  out += ".SH RULES\n";
  out += "Each rule has a page: " + bold("dnslint explain") + " " + italic("RULE") + ".\n";
  for (const Rule& rule : all_rules()) {
    out += fmt::format(".TP\n{} ({})\n{}\n", bold(rule.id), severity_name(rule.severity),
                       roff(rule.summary));
  }
  out += ".SH FILES\n.TP\n" + bold(".dnslint.yaml") +
         "\nconfiguration, found in the current directory or the nearest one above it: rules, "
         "severities, options, excludes and per\\-path overrides\n";
  out += ".SH ENVIRONMENT\n.TP\n" + bold("NO_COLOR") +
         "\nwhen set and not empty, the text report is not coloured (unless \\-\\-color always)\n";
  out += ".SH EXAMPLES\n";
  out += ".TP\n" + bold("dnslint zones/") + "\nlint every DNS file below zones/\n";
  out += ".TP\n" + bold("dnslint -f sarif -o dnslint.sarif .") +
         "\nwrite a SARIF report for code scanning\n";
  out += ".TP\n" + bold("git show HEAD:db.example | dnslint --stdin-filename db.example -") +
         "\nlint a file as it was committed\n";
  out += ".SH SEE ALSO\n" + bold("named-checkzone") + "(1), " + bold("kzonecheck") + "(1)\n.PP\n" +
         roff(kRepositoryUri) + "\n";
  return out;
}

}  // namespace dnslint
