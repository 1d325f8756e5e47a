resource "aws_route53_zone" "main" {
  name = "example.com"
}

resource "aws_route53_record" "spf" {
  zone_id = aws_route53_zone.main.zone_id
  name    = "example.com"
  type    = "TXT"
  ttl     = 300
  records = ["v=spf1 include:_spf.google.com ip4:192.0.2.0/24 mx: -all"] # expect: spf-syntax "the domain is missing"
}
