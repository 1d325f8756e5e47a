# Conditionals, for expressions with filters and grouping, splats and arithmetic.
# expect-none
variable "environment" {
  default = "prod"
}

variable "servers" {
  default = [
    { name = "a", address = "192.0.2.1", mail = true },
    { name = "b", address = "198.51.100.1", mail = true },
    { name = "c", address = "203.0.113.1", mail = false },
  ]
}

locals {
  mail_servers = [for server in var.servers : server if server.mail]
  by_kind      = { for server in var.servers : (server.mail ? "mail" : "web") => server.name... }
  ttl          = var.environment == "prod" ? 3600 : 60
}

resource "aws_route53_zone" "main" {
  name = "example.com"
}

resource "aws_route53_record" "hosts" {
  count   = length(var.servers)
  zone_id = aws_route53_zone.main.zone_id
  name    = var.servers[count.index].name
  type    = "A"
  ttl     = local.ttl
  records = [var.servers[count.index].address]
}

resource "aws_route53_record" "mx" {
  zone_id = aws_route53_zone.main.zone_id
  name    = ""
  type    = "MX"
  ttl     = local.ttl
  records = [for i, name in local.by_kind["mail"] : "${10 * (i + 1)} ${name}.example.com"]
}

resource "aws_route53_record" "web" {
  zone_id = aws_route53_zone.main.zone_id
  name    = "web"
  type    = "A"
  ttl     = local.ttl
  records = [for host in aws_route53_record.hosts : tolist(host.records)[0]]
}
