// mx-blocklisted: a mail exchange's address or name is listed on a configured DNS blocklist. A
// live check: `dnslint verify` reports it (live/blocklists.cpp), never a plain run. Its options
// are here, with its metadata, so that the configuration checks them like any rule's.
#include <fmt/format.h>

#include "model/name.hpp"
#include "rules/rule.hpp"

namespace dnslint {
namespace {

// A blocklist zone is a domain name ("zen.spamhaus.org"), written without the final dot or
// with it.
std::optional<std::string> check_list(std::string_view item) {
  std::string text(item);
  if (!text.ends_with('.')) text += '.';
  std::string canonical;
  if (text == "." || parse_name(text, ".", canonical))
    return fmt::format("'{}' is no domain name", item);
  return std::nullopt;
}

}  // namespace

Rule mx_blocklisted_rule() {
  return {.id = "mx-blocklisted",
          .summary = "a mail exchange's address or name is listed on a configured DNS blocklist",
          .severity = Severity::error,
          .rfc = "RFC 5782 §2",
          .options = {{.name = "lists",
                       .type = OptionType::string_list,
                       .default_value = std::vector<std::string>{"zen.spamhaus.org"},
                       .description = "the DNS blocklists of addresses to ask (RFC 5782 §2.1)",
                       .check_item = check_list},
                      {.name = "domain-lists",
                       .type = OptionType::string_list,
                       .default_value = std::vector<std::string>{"dbl.spamhaus.org"},
                       .description = "the DNS blocklists of domain names to ask (RFC 5782 §2.3)",
                       .check_item = check_list}},
          .live = true};
}

}  // namespace dnslint
