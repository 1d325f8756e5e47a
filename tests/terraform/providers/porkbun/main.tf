# Porkbun: two community providers, `prio` (marcfrederick/porkbun) or `priority`
# (jianyuan/porkbun) for the preference; names relative to the domain, absolute targets.
resource "porkbun_dns_record" "mx" {
  domain  = "example.com"
  name    = ""
  type    = "MX"
  content = "."  # expect: null-mx-mixed
  prio    = 0
}

resource "porkbun_dns_record" "mx_real" {
  domain   = "example.com"
  name     = ""
  type     = "MX"
  content  = "mail.example.net"
  priority = 10
}
