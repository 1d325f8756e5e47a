# dnsimple_record, the DNSimple provider's resource before dnsimple_zone_record.
resource "dnsimple_record" "mx" {
  domain   = "example.com"
  name     = ""
  type     = "MX"
  value    = "mail.example.com"  # expect: mx-target-cname
  priority = 10
}

resource "dnsimple_record" "mx_backup" {
  domain   = "example.com"
  name     = ""
  type     = "MX"
  value    = "backup.example.net"
  priority = 20
}

resource "dnsimple_record" "mail" {
  domain = "example.com"
  name   = "mail"
  type   = "CNAME"
  value  = "host.example.net"
}
