# Route 53: records as "PREFERENCE HOST" strings, names relative or full, targets absolute.
resource "aws_route53_zone" "main" {
  name = "example.com"
}

resource "aws_route53_record" "mx" {
  zone_id = aws_route53_zone.main.zone_id
  name    = "example.com"
  type    = "MX"
  ttl     = 300
  records = [
    "10 mail.example.com", # expect: mx-target-cname
    "20 backup.example.net",
  ]
}

resource "aws_route53_record" "mail" {
  zone_id = aws_route53_zone.main.zone_id
  name    = "mail"
  type    = "CNAME"
  ttl     = 300
  records = ["host.example.net"]
}

resource "aws_route53_record" "www" {
  zone_id = aws_route53_zone.main.id
  name    = "www"
  type    = "A"

  alias {
    name                   = "d111111abcdef8.cloudfront.net"
    zone_id                = "Z2FDTNDATAQYW2"
    evaluate_target_health = false
  }
}
