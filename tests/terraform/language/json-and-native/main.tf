# The *.tf and *.tf.json files of a directory are one module: variables, locals and zones of
# one are seen by the other.
variable "domain" {
  default = "example.com"
}

locals {
  mail_host = "mail.${var.domain}"
}

resource "aws_route53_zone" "main" {
  name = var.domain
}

resource "aws_route53_record" "mail" {
  zone_id = aws_route53_zone.main.zone_id
  name    = "mail"
  type    = "CNAME"
  ttl     = 300
  records = ["relay.example.net"]
}
