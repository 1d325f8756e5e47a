# args: --var domain=example.com --var-file cli-variables/values/mail.tfvars --var ttl=300
variable "domain" {}
variable "ttl" {
  type = number
}
variable "mail_hosts" {
  type = set(string)
}

resource "aws_route53_zone" "main" {
  name = var.domain
}

resource "aws_route53_record" "mx" {
  zone_id = aws_route53_zone.main.zone_id
  name    = ""
  type    = "MX"
  ttl     = var.ttl
  records = [for host in var.mail_hosts : "10 ${host}"] # expect: mx-duplicate-preference
}

resource "aws_route53_record" "mail" {
  for_each = var.mail_hosts
  zone_id  = aws_route53_zone.main.zone_id
  name     = each.key
  type     = "A"
  ttl      = 300
  records  = [each.key == "mx1.example.com" ? "192.0.2.10" : "198.51.100.10"]
}
