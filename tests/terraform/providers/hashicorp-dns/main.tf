# hashicorp/dns (RFC 2136 updates): mx blocks, names relative to the zone, zone-file targets.
resource "dns_mx_record_set" "mx" {
  zone = "example.com."
  ttl  = 300

  mx {
    preference = 10
    exchange   = "mail.example.com." # expect: mx-target-cname
  }
  mx {
    preference = 20
    exchange   = "backup.example.net" # expect: target-missing-trailing-dot; expect: mx-target-no-address
  }
}

resource "dns_cname_record" "mail" {
  zone  = "example.com."
  name  = "mail"
  cname = "host.example.net."
  ttl   = 300
}
