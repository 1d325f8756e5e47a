# for_each over a map of objects: each.key and each.value, instance addresses in messages.
locals {
  domains = {
    "example.com" = { mx = ["10 mx1.example.net", "20 mx2.example.net"] }
    "example.org" = { mx = ["10 mx1.example.net"] }
  }
}

resource "aws_route53_zone" "zone" {
  for_each = local.domains
  name     = each.key
}

resource "aws_route53_record" "mx" {
  for_each = local.domains
  zone_id  = aws_route53_zone.zone[each.key].zone_id
  name     = each.key
  type     = "MX"
  ttl      = 300
  records  = each.value.mx # expect: mx-missing-backup "example.org."
}
