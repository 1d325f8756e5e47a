# Yandex Cloud DNS: names relative to the zone or whole with their dot, data in zone-file form.
resource "yandex_dns_zone" "main" {
  zone   = "example.com."
  public = true
}

resource "yandex_dns_recordset" "mx" {
  zone_id = yandex_dns_zone.main.id
  name    = "@"
  type    = "MX"
  ttl     = 600
  data    = ["10 mail.example.com.", "20 backup.example.net."]  # expect: mx-target-cname
}

resource "yandex_dns_recordset" "mail" {
  zone_id = yandex_dns_zone.main.id
  name    = "mail.example.com."
  type    = "CNAME"
  ttl     = 600
  data    = ["host.example.net."]
}
