# Cloudflare provider v4: one resource per record, the preference in `priority`, SRV and CAA
# fields in a data block.
resource "cloudflare_zone" "main" {
  zone = "example.com"
}

resource "cloudflare_record" "mx_primary" {
  zone_id  = cloudflare_zone.main.id
  name     = "@"
  type     = "MX"
  value    = "10 mail.example.com" # expect: mx-priority-in-value
  priority = 10
}

resource "cloudflare_record" "mx_backup" {
  zone_id  = cloudflare_zone.main.id
  name     = "example.com"
  type     = "MX"
  content  = "mail.example.com" # expect: mx-target-cname
  priority = 20
}

resource "cloudflare_record" "mail" {
  zone_id = cloudflare_zone.main.id
  name    = "mail"
  type    = "CNAME"
  content = "mailhost.example.net"
}

resource "cloudflare_record" "sip" {
  zone_id = cloudflare_zone.main.id
  name    = "_sip._tcp"
  type    = "SRV"
  data {
    priority = 10
    weight   = 5
    port     = 5060
    target   = "mail.example.com" # expect: srv-target-cname
  }
}
