# Gandi LiveDNS: relative names, a list of values per RRset.
resource "gandi_livedns_record" "mx" {
  zone = "example.com"
  name = "@"
  type = "MX"
  ttl  = 3600
  values = [
    "10 mail.example.com.", # expect: mx-target-cname
    "20 backup.example.net.",
  ]
}

resource "gandi_livedns_record" "mail" {
  zone   = "example.com"
  name   = "mail"
  type   = "CNAME"
  ttl    = 3600
  values = ["host.example.net."]
}
