// The registry: every rule, listed explicitly and sorted by id. A test checks that this list,
// docs/rules/ and tests/rules/ agree.
#include <algorithm>

#include "rules/rule.hpp"

namespace dnslint {

Rule blocklist_unusable_rule();
Rule caa_invalid_rule();
Rule class_mismatch_rule();
Rule cname_and_other_data_rule();
Rule cname_at_apex_rule();
Rule cname_chain_rule();
Rule cname_loop_rule();
Rule cname_multiple_rule();
Rule cname_target_missing_rule();
Rule dkim_syntax_rule();
Rule dkim_weak_key_rule();
Rule dmarc_external_report_rule();
Rule dmarc_external_report_live_rule();
Rule dmarc_multiple_rule();
Rule dmarc_syntax_rule();
Rule dname_children_rule();
Rule dname_multiple_rule();
Rule ds_at_apex_rule();
Rule duplicate_record_rule();
Rule include_error_rule();
Rule invalid_suppression_rule();
Rule mail_record_misplaced_rule();
Rule mta_sts_policy_rule();
Rule mta_sts_syntax_rule();
Rule mx_address_not_public_rule();
Rule mx_backup_same_host_rule();
Rule mx_backup_same_network_rule();
Rule mx_blocklisted_rule();
Rule mx_circular_rule();
Rule mx_dane_partial_rule();
Rule mx_duplicate_preference_rule();
Rule mx_exchange_not_allowed_rule();
Rule mx_missing_backup_rule();
Rule mx_preference_out_of_range_rule();
Rule mx_priority_in_value_rule();
Rule mx_reverse_dns_rule();
Rule mx_same_origin_as_rule();
Rule mx_smtp_unreachable_rule();
Rule mx_starttls_rule();
Rule mx_target_address_literal_rule();
Rule mx_target_cname_rule();
Rule mx_target_invalid_hostname_rule();
Rule mx_target_no_address_rule();
Rule mx_tls_certificate_rule();
Rule mx_unresolvable_rule();
Rule ns_missing_rule();
Rule ns_missing_glue_rule();
Rule ns_single_rule();
Rule ns_target_address_literal_rule();
Rule ns_target_cname_rule();
Rule ns_target_invalid_hostname_rule();
Rule null_mx_mixed_rule();
Rule null_mx_preference_rule();
Rule null_mx_spf_rule();
Rule occluded_data_rule();
Rule out_of_zone_rule();
Rule read_error_rule();
Rule record_forbidden_rule();
Rule record_required_rule();
Rule rrset_ttl_mismatch_rule();
Rule server_axfr_open_rule();
Rule server_record_extra_rule();
Rule server_rrset_differs_rule();
Rule server_serial_behind_rule();
Rule server_ttl_differs_rule();
Rule server_unreachable_rule();
Rule soa_missing_rule();
Rule soa_multiple_rule();
Rule spf_include_live_rule();
Rule spf_include_missing_rule();
Rule spf_lookup_limit_rule();
Rule spf_multiple_rule();
Rule spf_permissive_all_rule();
Rule spf_syntax_rule();
Rule spf_unreachable_term_rule();
Rule srv_target_cname_rule();
Rule srv_target_invalid_hostname_rule();
Rule srv_target_no_address_rule();
Rule syntax_error_rule();
Rule target_missing_trailing_dot_rule();
Rule tlsa_invalid_rule();
Rule tlsrpt_syntax_rule();
Rule ttl_out_of_range_rule();
Rule txt_string_too_long_rule();
Rule unresolved_value_rule();
Rule unused_suppression_rule();

const std::vector<Rule>& all_rules() {
  static const std::vector<Rule> rules = {
      blocklist_unusable_rule(),
      caa_invalid_rule(),
      class_mismatch_rule(),
      cname_and_other_data_rule(),
      cname_at_apex_rule(),
      cname_chain_rule(),
      cname_loop_rule(),
      cname_multiple_rule(),
      cname_target_missing_rule(),
      dkim_syntax_rule(),
      dkim_weak_key_rule(),
      dmarc_external_report_rule(),
      dmarc_external_report_live_rule(),
      dmarc_multiple_rule(),
      dmarc_syntax_rule(),
      dname_children_rule(),
      dname_multiple_rule(),
      ds_at_apex_rule(),
      duplicate_record_rule(),
      include_error_rule(),
      invalid_suppression_rule(),
      mail_record_misplaced_rule(),
      mta_sts_policy_rule(),
      mta_sts_syntax_rule(),
      mx_address_not_public_rule(),
      mx_backup_same_host_rule(),
      mx_backup_same_network_rule(),
      mx_blocklisted_rule(),
      mx_circular_rule(),
      mx_dane_partial_rule(),
      mx_duplicate_preference_rule(),
      mx_exchange_not_allowed_rule(),
      mx_missing_backup_rule(),
      mx_preference_out_of_range_rule(),
      mx_priority_in_value_rule(),
      mx_reverse_dns_rule(),
      mx_same_origin_as_rule(),
      mx_smtp_unreachable_rule(),
      mx_starttls_rule(),
      mx_target_address_literal_rule(),
      mx_target_cname_rule(),
      mx_target_invalid_hostname_rule(),
      mx_target_no_address_rule(),
      mx_tls_certificate_rule(),
      mx_unresolvable_rule(),
      ns_missing_rule(),
      ns_missing_glue_rule(),
      ns_single_rule(),
      ns_target_address_literal_rule(),
      ns_target_cname_rule(),
      ns_target_invalid_hostname_rule(),
      null_mx_mixed_rule(),
      null_mx_preference_rule(),
      null_mx_spf_rule(),
      occluded_data_rule(),
      out_of_zone_rule(),
      read_error_rule(),
      record_forbidden_rule(),
      record_required_rule(),
      rrset_ttl_mismatch_rule(),
      server_axfr_open_rule(),
      server_record_extra_rule(),
      server_rrset_differs_rule(),
      server_serial_behind_rule(),
      server_ttl_differs_rule(),
      server_unreachable_rule(),
      soa_missing_rule(),
      soa_multiple_rule(),
      spf_include_live_rule(),
      spf_include_missing_rule(),
      spf_lookup_limit_rule(),
      spf_multiple_rule(),
      spf_permissive_all_rule(),
      spf_syntax_rule(),
      spf_unreachable_term_rule(),
      srv_target_cname_rule(),
      srv_target_invalid_hostname_rule(),
      srv_target_no_address_rule(),
      syntax_error_rule(),
      target_missing_trailing_dot_rule(),
      tlsa_invalid_rule(),
      tlsrpt_syntax_rule(),
      ttl_out_of_range_rule(),
      txt_string_too_long_rule(),
      unresolved_value_rule(),
      unused_suppression_rule(),
  };
  return rules;
}

const Rule* find_rule(std::string_view id) {
  const auto& rules = all_rules();
  auto it = std::lower_bound(rules.begin(), rules.end(), id,
                             [](const Rule& rule, std::string_view key) { return rule.id < key; });
  return it != rules.end() && it->id == id ? &*it : nullptr;
}

}  // namespace dnslint
