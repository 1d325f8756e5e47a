# Namecheap: one resource per domain, a record block per record; OVERWRITE makes it the whole
# zone, so a name it does not hold does not exist.
resource "namecheap_domain_records" "main" {
  domain = "example.com"
  mode   = "OVERWRITE"

  record {
    hostname = "@"
    type     = "MX"
    address  = "mail.example.com."  # expect: mx-target-no-address "does not exist in zone example.com."
    mx_pref  = 10
  }

  record {
    hostname = "@"
    type     = "MX"
    address  = "backup.example.net."
    mx_pref  = 20
  }

  record {
    hostname = "www"
    type     = "CNAME"
    address  = "web.example.com."  # expect: cname-target-missing
  }
}
