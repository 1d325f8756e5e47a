# Hetzner DNS: zone_id of a hetznerdns_zone, relative names, the preference in the value.
resource "hetznerdns_zone" "main" {
  name = "example.com"
  ttl  = 3600
}

resource "hetznerdns_record" "mx" {
  zone_id = hetznerdns_zone.main.id
  name    = "@"
  type    = "MX"
  value   = "10 mail.example.com." # expect: mx-target-cname
}

resource "hetznerdns_record" "mx_backup" {
  zone_id = hetznerdns_zone.main.id
  name    = "@"
  type    = "MX"
  value   = "20 backup.example.net."
}

resource "hetznerdns_record" "mail" {
  zone_id = hetznerdns_zone.main.id
  name    = "mail"
  type    = "CNAME"
  value   = "host.example.net."
}
