# Mail for example.io (Cloudflare) and for the shop's domains (Route 53, one module per
# domain), written as most Terraform is.

resource "cloudflare_zone" "example" {
  zone = "example.io"
}

resource "cloudflare_record" "mx_primary" {
  zone_id  = cloudflare_zone.example.id
  name     = "@"
  type     = "MX"
  content  = "10 mx1.example.io"
  priority = 10
}

resource "cloudflare_record" "mx_backup" {
  zone_id  = cloudflare_zone.example.id
  name     = "@"
  type     = "MX"
  content  = "mx2.example.io"
  priority = 20
}

resource "cloudflare_record" "mx2" {
  zone_id = cloudflare_zone.example.id
  name    = "mx2"
  type    = "CNAME"
  content = "relay.mailhost.example."
}

module "shop" {
  for_each = {
    "shop.example"  = ["10 mx.shop.example", "10 mx-backup.shop.example"]
    "store.example" = ["10 mx.store.example"]
  }
  source    = "./modules/mail"
  domain    = each.key
  exchanges = each.value
}
