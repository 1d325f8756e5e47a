#include "linter/cli/man_page.hpp"

#include <doctest/doctest.h>

#include <cctype>
#include <sstream>
#include <string>

#include "linter/cli/options.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

std::string roff_text(std::string_view text) {
  std::string out;
  for (char c : text) out += c == '-' ? std::string("\\-") : std::string(1, c);
  return out;
}

TEST_CASE("the man page lists every option with its value, every rule and the exit statuses") {
  const std::string page = man_page();
  CHECK(page.starts_with(".\\\" Generated"));
  CHECK(page.find(".TH DNSLINT 1 ") != std::string::npos);
  for (const CliOption& option : cli_options()) {
    CAPTURE(option.name);
    std::string head = "\\fB" + roff_text(option.name) + "\\fR";
    if (!option.value.empty()) head += " \\fI" + roff_text(option.value) + "\\fR";
    CHECK(page.find(head + "\n" + roff_text(option.help) + "\n") != std::string::npos);
  }
  for (const Rule& rule : all_rules()) {
    CHECK(page.find("\\fB" + roff_text(rule.id) + "\\fR (") != std::string::npos);
  }
  for (const ExitStatus& status : exit_statuses()) {
    CHECK(page.find(".TP\n\\fB" + std::to_string(status.code) + "\\fR\n" +
                    roff_text(status.meaning)) != std::string::npos);
  }
}

TEST_CASE("the man page documents configuration and suppressions, and points to the docs") {
  const std::string page = man_page();
  CHECK(page.find(".SH CONFIGURATION\n") != std::string::npos);
  CHECK(page.find("zones:") != std::string::npos);
  CHECK(page.find(".SH SUPPRESSIONS\n") != std::string::npos);
  CHECK(page.find("dnslint\\-disable\\-next\\-line") != std::string::npos);
  CHECK(page.find("/share/doc/dnslint") != std::string::npos);
}

TEST_CASE("no line of the man page starts with a character roff would take as a request") {
  std::istringstream lines(man_page());
  for (std::string line; std::getline(lines, line);) {
    CAPTURE(line);
    if (line.starts_with(".") || line.starts_with("'")) {
      // Requests and macros only: a name of letters (.TH, .SH, .TP, .PP, .br, .nh) or a comment.
      const bool request = line.size() >= 2 && (std::isalpha(static_cast<unsigned char>(line[1])) ||
                                                line.starts_with(".\\\""));
      CHECK(request);
    }
    CHECK(line.find(" -") == std::string::npos);  // every hyphen is written \-
  }
}

}  // namespace
}  // namespace dnslint
