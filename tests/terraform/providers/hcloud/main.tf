# Hetzner Cloud DNS: one resource per RRset, names relative to the zone ("@" for the apex),
# values in zone-file form (a dotless name is relative), TXT as quoted strings.
resource "hcloud_zone" "main" {
  name = "example.com"
  mode = "primary"
}

resource "hcloud_zone_rrset" "mx" {
  zone = hcloud_zone.main.name
  name = "@"
  type = "MX"
  records = [
    { value = "10 mail.example.com." },  # expect: mx-target-cname
    { value = "20 backup.example.net." },
  ]
}

resource "hcloud_zone_rrset" "mail" {
  zone    = hcloud_zone.main.name
  name    = "mail"
  type    = "CNAME"
  records = [{ value = "host.example.net." }]
}

resource "hcloud_zone_rrset" "shop_mx" {
  zone = hcloud_zone.main.name
  name = "shop"
  type = "MX"
  ttl  = 3600
  records = [
    { value = "0 ." },  # expect: null-mx-mixed
    { value = "10 mx.example.net." },
  ]
}

resource "hcloud_zone_rrset" "spf" {
  zone    = hcloud_zone.main.name
  name    = "@"
  type    = "TXT"
  records = [{ value = "\"v=spf1 -all\"" }]
}
