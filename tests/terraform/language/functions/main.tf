# The functions DNS configurations use, evaluated as Terraform does.
# expect-none
variable "subdomains" {
  default = "Mail,Backup"
}

locals {
  zone     = "example.com"
  names    = split(",", lower(var.subdomains))
  hosts    = [for name in local.names : format("%s.%s", name, local.zone)]
  settings = merge({ ttl = 300 }, { ttl = 600, kind = "mx" })
  prefix   = cidrhost("192.0.2.0/24", 25)
  extra    = concat(["30 ${upper("third")}.example.net"], flatten([["40 fourth.example.net"]]))
}

resource "aws_route53_zone" "main" {
  name = local.zone
}

resource "aws_route53_record" "mx" {
  zone_id = aws_route53_zone.main.zone_id
  name    = ""
  type    = "MX"
  ttl     = lookup(local.settings, "ttl", 60)
  records = concat(
    [for i, host in local.hosts : "${(i + 1) * 10} ${host}"],
    local.extra,
  )
}

resource "aws_route53_record" "mail" {
  zone_id = aws_route53_zone.main.zone_id
  name    = element(local.names, 0)
  type    = "A"
  ttl     = tonumber("300")
  records = [local.prefix]
}

resource "aws_route53_record" "backup" {
  zone_id = aws_route53_zone.main.zone_id
  name    = trimsuffix("backup.example.com", ".${local.zone}")
  type    = "AAAA"
  ttl     = 300
  records = [coalesce("", cidrhost("2001:db8::/64", 5))]
}
