// What the live checks share: the run's model, network and reporters, and the source records in
// the form the network's answers take.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "live/verify.hpp"

namespace dnslint::live {

class LiveRun {
 public:
  LiveRun(const Model& model_, Network& network_, const VerifySettings& settings_,
          const LiveRules& rules);

  const Model& model;
  Network& network;
  const VerifySettings& settings;

  // The reporter of rule `id`, or nullptr when the rule is off.
  Reporter* reporter(std::string_view id);
  // The options of live rule `id`, on or off.
  const RuleOptions& options(std::string_view id) const;
  bool enabled(std::string_view id) const { return reporters_.contains(id); }
  // Tells the progress callback, if there is one.
  void progress(std::string_view what) const;

  std::vector<FindingLog> take();

 private:
  std::vector<std::string_view> order_;
  std::map<std::string_view, Reporter, std::less<>> reporters_;
  std::map<std::string_view, const RuleOptions*, std::less<>> options_;
};

// A record of the source as the network would serve it, or nullopt when it cannot be compared
// (a value not known statically, data ldns cannot read).
std::optional<ServedRecord> as_served(const Model& model, const Record& record);

// Where findings about a zone as a whole stand: its SOA record, else its first record at the
// apex, else its first record; nullptr for a zone without records.
const Record* zone_anchor(const Zone& zone);

// A mail exchange of the loaded zones: the MX records that name it, and its addresses as the
// resolver gives them.
struct MailExchange {
  std::string name;  // absolute, lower case
  std::vector<std::pair<const Zone*, const Record*>> records;
  std::vector<std::string> addresses;  // presentation form, in the resolver's order
};

// Reports `message` under rule `id` (when it is on) at every MX record of `exchange`.
void report_exchange(LiveRun& run, std::string_view id, const MailExchange& exchange,
                     const std::string& message, bool unconfirmed = false);

// The labels of an address's reverse name, without the suffix: "1.2.0.192" for 192.0.2.1,
// 32 nibbles for an IPv6 address (RFC 3596 §2.5). nullopt when `address` is none.
std::optional<std::string> reversed_address(const std::string& address);

// The checks, in the order verify_model runs them.
void check_servers(LiveRun& run);
void check_mx_hosts(LiveRun& run);
void check_blocklists(LiveRun& run, const std::vector<MailExchange>& exchanges);
void check_mail_transport(LiveRun& run, const std::vector<MailExchange>& exchanges);
void check_mta_sts_policies(LiveRun& run);
void check_spf_includes(LiveRun& run);
void check_dmarc_reports(LiveRun& run);
void check_origin_ases(LiveRun& run, const std::vector<MailExchange>& exchanges);

}  // namespace dnslint::live
