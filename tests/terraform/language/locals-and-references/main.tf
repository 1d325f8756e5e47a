# Locals refer to variables, other locals and resources; records refer to the zone resource,
# to a data source's zone, and to each other.
variable "domain" {
  default = "example.com"
}

locals {
  apex    = lower(var.domain)
  mail    = "mail.${local.apex}"
  ttl     = 60 * 5
  targets = [local.mail, aws_route53_record.backup_host.fqdn]
}

resource "aws_route53_zone" "main" {
  name = local.apex
}

data "aws_route53_zone" "partner" {
  name = "partner.example."
}

resource "aws_route53_record" "mx" {
  zone_id = aws_route53_zone.main.zone_id
  name    = aws_route53_zone.main.name
  type    = "MX"
  ttl     = local.ttl
  records = ["10 ${local.mail}", "20 ${aws_route53_record.backup_host.name}.${local.apex}"] # expect: mx-target-cname
}

resource "aws_route53_record" "mail" {
  zone_id = aws_route53_zone.main.zone_id
  name    = "mail"
  type    = "CNAME"
  ttl     = local.ttl
  records = ["relay.example.net"]
}

resource "aws_route53_record" "backup_host" {
  zone_id = aws_route53_zone.main.zone_id
  name    = "backup"
  type    = "A"
  ttl     = local.ttl
  records = ["192.0.2.20"]
}

resource "aws_route53_record" "partner_mx" {
  zone_id = data.aws_route53_zone.partner.zone_id
  name    = "partner.example."
  type    = "MX"
  ttl     = 300
  records = ["10 ${local.mail}"] # expect: mx-target-cname; expect: mx-missing-backup
}
