# Oracle Cloud: an RRset of items, full names.
resource "oci_dns_rrset" "mx" {
  zone_name_or_id = "example.com"
  domain          = "example.com"
  rtype           = "MX"
  items {
    domain = "example.com"
    rtype  = "MX"
    rdata  = "10 mail.example.com." # expect: mx-target-cname
    ttl    = 300
  }
  items {
    domain = "example.com"
    rtype  = "MX"
    rdata  = "20 backup.example.net."
    ttl    = 300
  }
}

resource "oci_dns_rrset" "mail" {
  zone_name_or_id = "example.com"
  domain          = "mail.example.com"
  rtype           = "CNAME"
  items {
    domain = "mail.example.com"
    rtype  = "CNAME"
    rdata  = "host.example.net."
    ttl    = 300
  }
}
