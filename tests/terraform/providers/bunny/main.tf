# bunny.net DNS: names relative to the zone ("" for the apex), rdata fields apart; its own
# types (Flatten, PullZone, Script) answer from bunny.net, Redirect is HTTP.
resource "bunny_dns_zone" "main" {
  domain = "example.com"
}

resource "bunny_dns_record" "apex" {
  zone  = bunny_dns_zone.main.id
  name  = ""
  type  = "Flatten"
  value = "web.example.net"
}

resource "bunny_dns_record" "mx" {
  zone     = bunny_dns_zone.main.id
  name     = ""
  type     = "MX"
  value    = "mail.example.com"  # expect: mx-target-cname
  priority = 10
}

resource "bunny_dns_record" "mx_backup" {
  zone     = bunny_dns_zone.main.id
  name     = ""
  type     = "MX"
  value    = "backup.example.net"
  priority = 20
}

resource "bunny_dns_record" "mail" {
  zone  = bunny_dns_zone.main.id
  name  = "mail"
  type  = "CNAME"
  value = "host.example.net"
}

resource "bunny_dns_record" "old" {
  zone  = bunny_dns_zone.main.id
  name  = "old"
  type  = "Redirect"
  value = "https://www.example.com/"
}
