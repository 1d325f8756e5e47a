variable "domain" {
  type = string
}
variable "primary" {}
variable "fallback" {}

resource "aws_route53_zone" "this" {
  name = var.domain
}

resource "aws_route53_record" "mx" {
  zone_id = aws_route53_zone.this.zone_id
  name    = var.domain
  type    = "MX"
  ttl     = 300
  records = ["10 ${var.primary}", "20 ${var.fallback}"] # expect: mx-target-cname "mail.example.com."
}

output "zone_id" {
  value = aws_route53_zone.this.zone_id
}
