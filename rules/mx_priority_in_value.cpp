// mx-priority-in-value: providers such as Cloudflare, DigitalOcean, DNSimple and Linode keep
// the MX preference in its own field; a value of "10 mail.example.com" then publishes an
// exchange named "10 mail.example.com". The Terraform adapters see both fields and report it.
#include "model/reported_rules.hpp"
#include "rules/rule.hpp"

namespace dnslint {

Rule mx_priority_in_value_rule() {
  return {rule_id::mx_priority_in_value,
          "IaC: the value holds \"10 host\" while the resource has a separate priority field",
          Severity::error,
          "RFC 1035 §3.3.9",
          {},
          nullptr};
}

}  // namespace dnslint
