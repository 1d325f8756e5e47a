# A zone known only by an id: a name in it is not made up. "fm1._domainkey" is relative like
# "www", so the record is not checked (a note says so); a name ending in a top-level domain is
# the full name it says; and where the zone's name stands beside its id in one object, it is
# used.
variable "zone" {
  default = { id = "023e105f4ecef8ad9ca31a8372d0c353", name = "example.org" }
}

resource "cloudflare_record" "dkim" {
  zone_id = "5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b0a" # expect: unresolved-value "so neither is its name 'fm1._domainkey'"
  name    = "fm1._domainkey"
  type    = "CNAME"
  content = "fm1.example.com.dkim.fmhosted.com"
}

resource "cloudflare_record" "apex_mx" {
  zone_id  = "5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b0a"
  name     = "example.com"
  type     = "MX"
  content  = "mx1.example.net" # expect: mx-missing-backup "example.com. has a single mail exchange"
  priority = 10
}

resource "cloudflare_record" "mail" {
  zone_id  = var.zone.id
  name     = "mail"
  type     = "MX"
  content  = "mx1.example.net" # expect: mx-missing-backup "mail.example.org. has a single mail exchange"
  priority = 10
}
