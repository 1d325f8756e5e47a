# Azure names a record's zone by its name. Where the same code creates that zone, the records
# are in it, whole: what it lacks is an error, not a note about part of a zone.
resource "azurerm_dns_zone" "main" {
  name                = "example.com"
  resource_group_name = "dns"
}

resource "azurerm_dns_mx_record" "mx" {
  name                = "@"
  zone_name           = "example.com"
  resource_group_name = "dns"
  ttl                 = 300
  record {
    preference = 10
    exchange   = "mail.example.com" # expect: mx-target-no-address "does not exist in zone example.com."
  }
  record {
    preference = 20
    exchange   = "mx2.example.net"
  }
}
