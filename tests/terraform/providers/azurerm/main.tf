# Azure DNS: one resource per RRset, MX records in record blocks, names relative to zone_name.
resource "azurerm_dns_zone" "main" {
  name                = "example.com"
  resource_group_name = "dns"
}

resource "azurerm_dns_mx_record" "mx" {
  name                = "@"
  zone_name           = azurerm_dns_zone.main.name
  resource_group_name = "dns"
  ttl                 = 300

  record {
    preference = 10
    exchange   = "mail.example.com" # expect: mx-target-cname
  }
  record {
    preference = 20
    exchange   = "backup.example.net"
  }
}

resource "azurerm_dns_cname_record" "mail" {
  name                = "mail"
  zone_name           = azurerm_dns_zone.main.name
  resource_group_name = "dns"
  ttl                 = 300
  record              = "host.example.net"
}

# Azure splits TXT values longer than 255 octets into strings itself.
resource "azurerm_dns_txt_record" "dkim" {
  name                = "google._domainkey"
  zone_name           = azurerm_dns_zone.main.name
  resource_group_name = "dns"
  ttl                 = 300
  record {
    value = "v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAmKCng0S4J1z5VFiL3lu1LIX9K/9CboGePYheGW3WXH71sBlGDILXyapA+caMb5QmyOG5UzXxr9VyBiwP7TEhVveflf94TN7U1pn7DayMrDgVNy2/DUgljyKIfP6m6IyF+9qg/L19S2K7MWt/GO4odLHsvvsDmyEUMbhd+2D612yzVIKtaHocSLiInfF1+YcRcF7h/4fKRTscyjlhAIEVRV8wrKyEcogOnYbuwoDCmzwQs7P57vS4/BBabyifvgs+c8+NGcqytsCaJ6DvWBStwTMAF+FahdoO8U7jUKCULE81SR1onSt2glMXQyqkXoYpq0xhlzUz3DOKp5DUV9WDJQIDAQAB"
  }
}
