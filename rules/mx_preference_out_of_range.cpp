// mx-preference-out-of-range: PREFERENCE is a 16-bit unsigned integer (RFC 1035 §3.3.9).
// Tools that accept a larger number wrap it silently (70000 becomes 4464), which reorders
// the exchanges; dnslint keeps the written value and reports it.
#include <fmt/format.h>

#include <limits>

#include "rules/common.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

void check(const Model& model, const RuleOptions&, Reporter& reporter) {
  for_each_mx(model, [&](const Zone& zone, const Record& record, const MxData& mx) {
    const std::int64_t preference = mx.preference();
    if (preference >= 0 && preference <= 0xffff) return;
    // The reader clamps absurdly long numbers to the int64 range; say so rather than pretend.
    const bool clamped = preference == std::numeric_limits<std::int64_t>::max() ||
                         preference == std::numeric_limits<std::int64_t>::min();
    std::string message = fmt::format("MX preference {}{} is outside 0..65535", preference,
                                      clamped ? (preference > 0 ? " or more" : " or less") : "");
    if (preference > 0xffff && !clamped) {
      message += fmt::format("; a tool that wraps it would publish {}", preference % 65536);
    }
    reporter.report(zone, record, std::move(message));
  });
}

}  // namespace

Rule mx_preference_out_of_range_rule() {
  return {"mx-preference-out-of-range",
          "MX preference is not an integer in 0..65535",
          Severity::error,
          "RFC 1035 §3.3.9",
          {},
          check};
}

}  // namespace dnslint
