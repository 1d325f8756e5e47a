# OpenStack Designate: full names with their dot, records in zone-file form.
resource "openstack_dns_zone_v2" "main" {
  name  = "example.com."
  email = "hostmaster@example.com"
}

resource "openstack_dns_recordset_v2" "mx" {
  zone_id = openstack_dns_zone_v2.main.id
  name    = "example.com."
  type    = "MX"
  ttl     = 3000
  records = ["10 mail.example.com.", "20 backup.example.net."]  # expect: mx-target-cname
}

resource "openstack_dns_recordset_v2" "mail" {
  zone_id = openstack_dns_zone_v2.main.id
  name    = "mail.example.com."
  type    = "CNAME"
  records = ["host.example.net."]
}
