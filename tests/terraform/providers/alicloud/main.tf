# Alibaba Cloud DNS: `rr` relative to the domain ("@" for the apex), absolute targets.
resource "alicloud_alidns_domain" "main" {
  domain_name = "example.com"
}

resource "alicloud_alidns_record" "mx" {
  domain_name = alicloud_alidns_domain.main.domain_name
  rr          = "@"
  type        = "MX"
  value       = "mail.example.com"  # expect: mx-target-cname
  priority    = 10
}

resource "alicloud_alidns_record" "mx_backup" {
  domain_name = alicloud_alidns_domain.main.domain_name
  rr          = "@"
  type        = "MX"
  value       = "backup.example.net"
  priority    = 20
}

resource "alicloud_alidns_record" "mail" {
  domain_name = alicloud_alidns_domain.main.domain_name
  rr          = "mail"
  type        = "CNAME"
  value       = "host.example.net"
}
