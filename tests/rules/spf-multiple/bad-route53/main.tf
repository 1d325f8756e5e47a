resource "aws_route53_zone" "main" {
  name = "example.com"
}

resource "aws_route53_record" "txt" {
  zone_id = aws_route53_zone.main.zone_id
  name    = "example.com"
  type    = "TXT"
  ttl     = 300
  records = [
    "v=spf1 include:_spf.google.com -all",
    "v=spf1 include:mailgun.org -all", # expect: spf-multiple
  ]
}
