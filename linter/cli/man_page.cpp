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
  out += ".SH CONFIGURATION\n";
  out += "The nearest " + bold(".dnslint.yaml") +
         " in the folder the linted paths have in common, or above it (or the file given with " +
         bold("--config") + "), sets the run up:\n";
  out +=
      ".PP\n.nf\n.RS\n"
      "rules:\n"
      "  mx\\-missing\\-backup: {severity: error, exempt: [\"mx.provider.example.\"]}\n"
      "  ns\\-single: {enabled: false}\n"
      "exclude: [\"zones/legacy/**\"]\n"
      "overrides:\n"
      "  \\- paths: [\"zones/internal/**\"]\n"
      "    rules: {mx\\-missing\\-backup: {severity: note}}\n"
      "zones:\n"
      "  letsencrypt.example.com: {dynamic: true}\n"
      ".RE\n.fi\n.PP\n";
  out += roff(
             "Each rule takes enabled, severity (error, warning or note) and the options its page "
             "lists. exclude and overrides take globs relative to the file's folder. zones: "
             "marks a zone dynamic (records are added at run time: ACME challenges, RFC 2136 "
             "updates) or partial (the files hold only part of it): what the files lack there is "
             "a note, not an error. An unknown key, rule or option stops the run with status 2. "
             "dnslint config prints the configuration a run uses.") +
         "\n";
  out += ".SH SUPPRESSIONS\n";
  out += roff(
             "A finding that is right but accepted is silenced where it is, with a comment that "
             "says why (; in zone files, # in YAML and Terraform, // in Terraform too):") +
         "\n";
  out +=
      ".PP\n.nf\n.RS\n"
      "; dnslint\\-disable\\-next\\-line mx\\-missing\\-backup \\-\\- the provider's MX is "
      "anycast\n"
      "@  IN MX 10 mx.provider.example.\n"
      ".RE\n.fi\n.PP\n";
  out += roff(
             "dnslint-disable-next-line RULE[,RULE] covers the next record, dnslint-disable-line "
             "its own line, dnslint-disable RULE until dnslint-enable or the end of the file; "
             "without a rule, every rule. Terraform JSON takes a \"//\" property in the resource "
             "block. An unknown rule in a suppression is reported (invalid-suppression); "
             "--report-unused-suppressions reports those that silence nothing.") +
         "\n";
  out += ".SH FILES\n.TP\n" + bold(".dnslint.yaml") + "\nconfiguration (see CONFIGURATION)\n.TP\n" +
         bold(kInstalledDocs) +
         "\nthe documentation: usage.md (every option, format and limit), policies.md, and "
         "rules/RULE.md, one page per rule (also " +
         bold("dnslint explain") + " " + italic("RULE") + ")\n";
  out += ".SH ENVIRONMENT\n.TP\n" + bold("NO_COLOR") +
         "\nwhen set and not empty, the text report is not coloured (unless \\-\\-color always)\n";
  out += ".SH EXAMPLES\n";
  out += ".TP\n" + bold("dnslint zones/") + "\nlint every DNS file below zones/\n";
  out += ".TP\n" + bold("dnslint -f sarif -o dnslint.sarif .") +
         "\nwrite a SARIF report for code scanning\n";
  out += ".TP\n" + bold("git show HEAD:db.example | dnslint --stdin-filename db.example -") +
         "\nlint a file as it was committed\n";
  out += ".SH SEE ALSO\n" + bold("named-checkzone") + "(1), " + bold("kzonecheck") + "(1)\n.PP\n" +
         roff(kInstalledDocs) + "/usage.md\n.br\n" + roff(kRepositoryUri) + "\n";
  return out;
}

}  // namespace dnslint
