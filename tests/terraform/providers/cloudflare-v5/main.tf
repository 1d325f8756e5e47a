# Cloudflare provider v5: cloudflare_dns_record, structured rdata as a `data` object.
resource "cloudflare_zone" "main" {
  name = "example.com"
}

resource "cloudflare_dns_record" "mx" {
  zone_id  = cloudflare_zone.main.id
  name     = "example.com"
  type     = "MX"
  content  = "mail.example.com" # expect: mx-target-cname
  priority = 10
  ttl      = 1
}

resource "cloudflare_dns_record" "mx_backup" {
  zone_id  = cloudflare_zone.main.id
  name     = "example.com"
  type     = "MX"
  content  = "backup.example.net"
  priority = 20
  ttl      = 1
}

resource "cloudflare_dns_record" "mail" {
  zone_id = cloudflare_zone.main.id
  name    = "mail.example.com"
  type    = "CNAME"
  content = "mailhost.example.net"
  ttl     = 1
}

resource "cloudflare_dns_record" "caa" {
  zone_id = cloudflare_zone.main.id
  name    = "example.com"
  type    = "CAA"
  ttl     = 1
  data = {
    flags = 0
    tag   = "issue"
    value = "letsencrypt.org"
  }
}

resource "cloudflare_dns_record" "sip" {
  zone_id = cloudflare_zone.main.id
  name    = "_sip._tcp.example.com"
  type    = "SRV"
  ttl     = 1
  data = {
    priority = 10
    weight   = 5
    port     = 5060
    target   = "mail.example.com" # expect: srv-target-cname
  }
}
