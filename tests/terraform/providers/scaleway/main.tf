# Scaleway: names relative to the zone ("" for the apex), targets in zone-file form.
resource "scaleway_domain_record" "mx" {
  dns_zone = "example.com"
  name     = ""
  type     = "MX"
  data     = "mx.example.net."
  ttl      = 3600
  priority = 10
}

resource "scaleway_domain_record" "mx_backup" {
  dns_zone = "example.com"
  name     = ""
  type     = "MX"
  data     = "mx-cache.example.net."  # expect: mx-duplicate-preference
  ttl      = 3600
  priority = 10
}
