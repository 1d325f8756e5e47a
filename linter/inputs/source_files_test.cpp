#include "linter/inputs/source_files.hpp"

#include <doctest/doctest.h>

namespace dnslint {
namespace {

Finding focused(SourceLocation location, std::string_view focus) {
  Finding finding;
  finding.location = location;
  finding.focus = std::string(focus);
  return finding;
}

TEST_CASE("a finding's focus narrows it to where the text stands within its record") {
  const std::vector<std::string> files{"buffer.zone"};
  const std::map<std::string, std::string> unsaved{
      {"buffer.zone",
       "@ TXT \"v=spf1 ip4:192.0.2.300 -all\"\n"
       "x TXT ( \"v=spf1 a\"\n"
       "        \" inclde:x.example -all\" )\n"
       "y TXT \"v=spf1 a\" ; a comment naming mx\n"
       "z TXT \"v=spf1 include:_spf.smallbiz.example all\"\n"}};
  std::vector<Finding> findings{
      focused({0, 1, 1, 1, 36}, "ip4:192.0.2.300"),   // on the record's line
      focused({0, 2, 1, 3, 32}, "inclde:x.example"),  // on its second line
      focused({0, 4, 1, 4, 17}, "mx"),                // only in the comment, past the record
      focused({0, 1, 1, 1, 36}, "not there"),
      focused({0, 5, 1, 5, 48}, "all"),  // the term, not the letters inside smallbiz
  };
  place_focus(findings, files, {}, unsaved);
  CHECK(findings[0].location.line == 1);
  CHECK(findings[0].location.column == 15);
  CHECK(findings[0].location.end_column == 30);
  CHECK(findings[1].location.line == 3);
  CHECK(findings[1].location.end_line == 3);
  CHECK(findings[1].location.column == 11);
  CHECK(findings[2].location.column == 1);  // left on the whole record
  CHECK(findings[2].location.end_column == 17);
  CHECK(findings[3].location.column == 1);
  CHECK(findings[3].location.end_column == 36);
  CHECK(findings[4].location.column == 45);
  CHECK(findings[4].location.end_column == 48);
  for (const Finding& finding : findings) CHECK(std::string_view(finding.focus).empty());
}

TEST_CASE("a file that cannot be read has no lines") {
  const std::vector<std::string> files{"no/such/file.zone"};
  const std::map<std::string, std::string> none;
  SourceFiles sources(files, {}, none);
  CHECK(sources.lines(0).empty());
  CHECK(sources.lines(7).empty());
}

}  // namespace
}  // namespace dnslint
