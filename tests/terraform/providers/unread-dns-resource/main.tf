# A resource no adapter reads, whose type says it holds DNS records: a note says its records
# are not checked, so that nothing is skipped in silence. Zones and DNSSEC keys are not noted.
resource "inwx_nameserver_record" "www" { # expect: unresolved-value "inwx_nameserver_record.www looks like DNS records"
  domain  = "example.com"
  name    = "www"
  type    = "A"
  content = "192.0.2.80"
}

resource "inwx_nameserver" "zone" {
  domain = "example.com"
  type   = "MASTER"
}

resource "google_dns_managed_zone_iam_member" "viewer" {
  managed_zone = "example"
  role         = "roles/dns.reader"
  member       = "user:admin@example.com"
}
