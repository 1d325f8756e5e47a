# A root module committed with its state: both describe the same resources. A walk reads the
# configuration and leaves terraform.tfstate (--list-files says so), so no record counts twice.
# expect-none
resource "aws_route53_zone" "main" {
  name = "example.com"
}

resource "aws_route53_record" "mx" {
  zone_id = aws_route53_zone.main.zone_id
  name    = "example.com"
  type    = "MX"
  ttl     = 300
  records = ["10 mx1.example.net", "20 mx2.example.net"]
}

resource "aws_route53_record" "spf" {
  zone_id = aws_route53_zone.main.zone_id
  name    = "example.com"
  type    = "TXT"
  ttl     = 300
  records = ["v=spf1 mx -all"]
}
