// The hosted-mail services whose published MX sets the MX rules know, from each service's own
// setup documentation: one table feeds the defaults of mx-duplicate-preference (sets published
// at one preference on purpose) and mx-missing-backup (one name that is highly available on its
// own). Services that publish a primary and backups at distinct preferences (Zoho: mx, mx2,
// mx3 at 10, 20, 50; Migadu: aspmx1 and aspmx2 at 10 and 20) need no entry: the rules find
// nothing to report in their sets.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dnslint {

struct HostedMailService {
  std::string_view service;
  std::string_view exchanges;  // a NamePatterns pattern ("*.pobox.com.")
  // What its setup page publishes: several hosts at one preference, or one name alone.
  enum class Published { equal_preferences, one_name } published;
  std::string_view source;  // the setup documentation the entry follows
};

const std::vector<HostedMailService>& hosted_mail_services();

// The patterns of the services that publish `published` sets, in the table's order.
std::vector<std::string> hosted_mail_patterns(HostedMailService::Published published);

}  // namespace dnslint
