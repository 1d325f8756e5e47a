# DigitalOcean: names relative to the domain, a dotless target is relative too (zone-file
# style), the preference in `priority`.
resource "digitalocean_domain" "main" {
  name = "example.com"
}

resource "digitalocean_record" "mx" {
  domain   = digitalocean_domain.main.id
  type     = "MX"
  name     = "@"
  value    = "mail.example.com." # expect: mx-target-cname
  priority = 10
}

resource "digitalocean_record" "mx_backup" {
  domain   = digitalocean_domain.main.id
  type     = "MX"
  name     = "@"
  value    = "backup" # expect: mx-target-no-address
  priority = 20
}

resource "digitalocean_record" "mail" {
  domain = digitalocean_domain.main.id
  type   = "CNAME"
  name   = "mail"
  value  = "host.example.net."
}
