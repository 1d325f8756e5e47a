# PowerDNS: full names, records in presentation form.
resource "powerdns_zone" "main" {
  name = "example.com."
  kind = "Native"
}

resource "powerdns_record" "mx" {
  zone    = powerdns_zone.main.name
  name    = "example.com."
  type    = "MX"
  ttl     = 300
  records = ["10 mail.example.com.", "20 backup.example.net."] # expect: mx-target-cname
}

resource "powerdns_record" "mail" {
  zone    = powerdns_zone.main.name
  name    = "mail.example.com."
  type    = "CNAME"
  ttl     = 300
  records = ["host.example.net."]
}
