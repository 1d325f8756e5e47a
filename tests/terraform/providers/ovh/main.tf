# OVH: subdomain and fieldtype, the preference in the target, zone-file targets.
resource "ovh_domain_zone_record" "mx" {
  zone      = "example.com"
  subdomain = ""
  fieldtype = "MX"
  ttl       = 3600
  target    = "10 mail.example.com." # expect: mx-target-cname
}

resource "ovh_domain_zone_record" "mx_backup" {
  zone      = "example.com"
  subdomain = ""
  fieldtype = "MX"
  ttl       = 3600
  target    = "20 backup.example.net."
}

resource "ovh_domain_zone_record" "mail" {
  zone      = "example.com"
  subdomain = "mail"
  fieldtype = "CNAME"
  ttl       = 3600
  target    = "host.example.net."
}
