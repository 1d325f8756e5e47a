# Linode: record_type and target, the preference in `priority`.
resource "linode_domain" "main" {
  domain    = "example.com"
  type      = "master"
  soa_email = "hostmaster@example.com"
}

resource "linode_domain_record" "mx" {
  domain_id   = linode_domain.main.id
  name        = ""
  record_type = "MX"
  target      = "mail.example.com" # expect: mx-target-cname
  priority    = 10
}

resource "linode_domain_record" "mx_backup" {
  domain_id   = linode_domain.main.id
  name        = ""
  record_type = "MX"
  target      = "backup.example.net"
  priority    = 20
}

resource "linode_domain_record" "mail" {
  domain_id   = linode_domain.main.id
  name        = "mail"
  record_type = "CNAME"
  target      = "host.example.net"
}
