// unresolved-value: a Terraform or CloudFormation value that only the deployment knows
// (`${aws_lb.web.dns_name}`, `!GetAtt`, a variable without default). Readers report it and mark
// the record, and rules skip what they cannot judge instead of guessing.
#include "model/reported_rules.hpp"
#include "rules/rule.hpp"

namespace dnslint {

Rule unresolved_value_rule() {
  return {rule_id::unresolved_value,
          "an IaC value that cannot be resolved statically; rules skip it",
          Severity::note,
          "dnslint",
          {},
          nullptr};
}

}  // namespace dnslint
