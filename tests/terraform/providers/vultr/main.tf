# Vultr: names relative to the domain ("" for the apex), absolute targets, the MX and SRV
# priority in `priority` and an SRV's weight, port and target in `data`.
resource "vultr_dns_domain" "main" {
  domain = "example.com"
}

resource "vultr_dns_record" "mx" {
  domain   = vultr_dns_domain.main.id
  name     = ""
  type     = "MX"
  data     = "mail.example.com"  # expect: mx-target-cname
  priority = 10
}

resource "vultr_dns_record" "mx_backup" {
  domain   = vultr_dns_domain.main.id
  name     = ""
  type     = "MX"
  data     = "backup.example.net"
  priority = 20
}

resource "vultr_dns_record" "mail" {
  domain = vultr_dns_domain.main.id
  name   = "mail"
  type   = "CNAME"
  data   = "host.example.net"
}

resource "vultr_dns_record" "sip" {
  domain   = vultr_dns_domain.main.id
  name     = "_sip._tcp"
  type     = "SRV"
  data     = "5 5060 sip"
  priority = 10
}
