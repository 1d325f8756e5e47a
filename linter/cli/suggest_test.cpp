#include "linter/cli/suggest.hpp"

#include <doctest/doctest.h>

#include <algorithm>

namespace dnslint {

TEST_CASE("did you mean: the closest known word, when it is close") {
  const std::vector<std::string_view> words{"mx-target-cname", "mx-missing-backup", "ns-single"};
  CHECK(closest_match("mx-target-cnmae", words) == "mx-target-cname");  // transposition
  CHECK(closest_match("mx-missing-backups", words) == "mx-missing-backup");
  CHECK(closest_match("ns-singel", words) == "ns-single");
  CHECK_FALSE(closest_match("spf-too-many-lookups", words));
  CHECK_FALSE(closest_match("", words));
  CHECK(did_you_mean("ns-singl", words) == " (did you mean 'ns-single'?)");
  CHECK(did_you_mean("anything else", words).empty());
  const auto ids = rule_ids();
  CHECK(std::find(ids.begin(), ids.end(), "mx-circular") != ids.end());
}

}  // namespace dnslint
