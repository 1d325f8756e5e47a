resource "aws_route53_zone" "main" {
  name = "example.com"
}

resource "aws_route53_record" "mx" { # expect: syntax-error "declared twice"
  zone_id = aws_route53_zone.main.zone_id
  name    = ""
  type    = "MX"
  ttl     = 300
  records = ["10 mx1.example.net", "20 mx2.example.net"]
}
