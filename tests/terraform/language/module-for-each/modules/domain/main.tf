variable "name" {}
variable "mx" {
  type = list(string)
}

resource "aws_route53_zone" "this" {
  name = var.name
}

resource "aws_route53_record" "mx" {
  zone_id = aws_route53_zone.this.zone_id
  name    = ""
  type    = "MX"
  ttl     = 300
  records = var.mx # expect: mx-missing-backup "example.org."
}
