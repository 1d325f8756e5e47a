# dynamic blocks make one nested block per element, with an iterator (named or the block
# type) bound in its content.
variable "exchanges" {
  default = [
    { preference = 10, host = "mail.example.com" },
    { preference = 10, host = "backup.example.net" },
  ]
}

resource "azurerm_dns_zone" "main" {
  name                = "example.com"
  resource_group_name = "dns"
}

resource "azurerm_dns_mx_record" "mx" {
  name                = "@"
  zone_name           = azurerm_dns_zone.main.name
  resource_group_name = "dns"
  ttl                 = 300

  dynamic "record" {
    for_each = var.exchanges
    content {
      preference = record.value.preference
      exchange   = record.value.host # expect: mx-target-no-address; expect: mx-duplicate-preference
    }
  }
}

resource "dns_mx_record_set" "partner" {
  zone = "partner.example."
  ttl  = 300
  dynamic "mx" {
    for_each = { primary = "mx1.partner.example.", backup = "mx2.partner.example." } # expect: mx-target-no-address; expect: mx-target-no-address
    iterator = host
    content {
      preference = host.key == "primary" ? 10 : 20
      exchange   = host.value
    }
  }
}
