# DNSimple: names relative to zone_name, the preference in `priority`.
resource "dnsimple_zone_record" "mx" {
  zone_name = "example.com"
  name      = ""
  value     = "mail.example.com" # expect: mx-target-cname
  type      = "MX"
  priority  = 10
}

resource "dnsimple_zone_record" "mx_backup" {
  zone_name = "example.com"
  name      = ""
  value     = "backup.example.net"
  type      = "MX"
  priority  = 20
}

resource "dnsimple_zone_record" "mail" {
  zone_name = "example.com"
  name      = "mail"
  value     = "host.example.net"
  type      = "CNAME"
}
