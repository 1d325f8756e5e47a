# Suppression comments: before a block they cover the whole block, before an attribute its
# lines; `#` and `//` both work, and ranges work as in zone files.
resource "aws_route53_zone" "main" {
  name = "example.com"
}

# dnslint-disable-next-line mx-missing-backup -- SES takes inbound mail on one name
resource "aws_route53_record" "ses" {
  zone_id = aws_route53_zone.main.zone_id
  name    = "ses"
  type    = "MX"
  ttl     = 300
  records = ["10 inbound-smtp.eu-west-1.amazonaws.com"]
}

resource "aws_route53_record" "lists" {
  zone_id = aws_route53_zone.main.zone_id
  name    = "lists"
  type    = "MX"
  ttl     = 300
  // dnslint-disable-next-line mx-missing-backup
  records = [
    "10 mx.lists.example.net",
  ]
}

# dnslint-disable mx-missing-backup
resource "aws_route53_record" "news" {
  zone_id = aws_route53_zone.main.zone_id
  name    = "news"
  type    = "MX"
  ttl     = 300
  records = ["10 mx.news.example.net"]
}
# dnslint-enable mx-missing-backup

resource "aws_route53_record" "shop" {
  zone_id = aws_route53_zone.main.zone_id
  name    = "shop"
  type    = "MX"
  ttl     = 300
  records = ["10 mx.shop.example.net"] # expect: mx-missing-backup
}
