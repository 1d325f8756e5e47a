// mx-same-origin-as: every mail exchange of an owner announced by one autonomous system. A
// live check: `dnslint verify` reports it (live/mx_networks.cpp), never a plain run. Its
// options are here, with its metadata, so that the configuration checks them like any rule's.
#include "rules/rule.hpp"

namespace dnslint {

Rule mx_same_origin_as_rule() {
  return {.id = "mx-same-origin-as",
          .summary = "every mail exchange of an owner is announced by one autonomous system",
          .severity = Severity::warning,
          .rfc = "RFC 2182 §3.1",
          .options = {{.name = "origin-zone",
                       .type = OptionType::string,
                       .default_value = std::string("origin.asn.cymru.com"),
                       .description = "the DNS zone that answers the origin AS of an IPv4 "
                                      "address (reversed octets, a TXT record)"},
                      {.name = "origin6-zone",
                       .type = OptionType::string,
                       .default_value = std::string("origin6.asn.cymru.com"),
                       .description = "the same for IPv6 addresses (reversed nibbles)"}},
          .live = true};
}

}  // namespace dnslint
