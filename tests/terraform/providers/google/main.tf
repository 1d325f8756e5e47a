# Google Cloud DNS: managed_zone names the zone resource, names are full, rrdatas hold
# "PREFERENCE HOST" strings.
resource "google_dns_managed_zone" "main" {
  name     = "example-zone"
  dns_name = "example.com."
}

resource "google_dns_record_set" "mx" {
  managed_zone = google_dns_managed_zone.main.name
  name         = google_dns_managed_zone.main.dns_name
  type         = "MX"
  ttl          = 300
  rrdatas = [
    "10 mail.example.com.", # expect: mx-target-cname
    "20 backup.example.net.",
  ]
}

resource "google_dns_record_set" "mail" {
  managed_zone = google_dns_managed_zone.main.name
  name         = "mail.${google_dns_managed_zone.main.dns_name}"
  type         = "CNAME"
  ttl          = 300
  rrdatas      = ["host.example.net."]
}
