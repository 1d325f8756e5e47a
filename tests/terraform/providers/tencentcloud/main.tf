# DNSPod (Tencent Cloud): `sub_domain` relative to the domain, the preference in `mx`; a
# record of a resolution line other than the default is a routing alternative.
resource "tencentcloud_dnspod_record" "mx" {
  domain      = "example.com"
  sub_domain  = "@"
  record_type = "MX"
  record_line = "默认"
  value       = "mail.example.com."  # expect: mx-target-no-address "in these files"
  mx          = 10
}

resource "tencentcloud_dnspod_record" "mx_backup" {
  domain      = "example.com"
  sub_domain  = "@"
  record_type = "MX"
  record_line = "默认"
  value       = "backup.example.net."
  mx          = 20
}

resource "tencentcloud_dnspod_record" "www" {
  domain      = "example.com"
  sub_domain  = "www"
  record_type = "A"
  record_line = "默认"
  value       = "192.0.2.80"
}

resource "tencentcloud_dnspod_record" "www_unicom" {
  domain      = "example.com"
  sub_domain  = "www"
  record_type = "A"
  record_line = "联通"
  value       = "198.51.100.80"
  ttl         = 300
}
