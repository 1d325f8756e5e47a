# A public and a private zone of one name in one account: two zones, each whole. A record of
# one is no duplicate of the other's, and an absence in one is judged in that one; findings name
# which zone they mean.
resource "aws_route53_zone" "public" {
  name = "example.com"
}

resource "aws_route53_zone" "private" {
  name = "example.com"
  vpc {
    vpc_id = "vpc-0123456789abcdef0"
  }
}

resource "aws_route53_record" "public_spf" {
  zone_id = aws_route53_zone.public.zone_id
  name    = "example.com"
  type    = "TXT"
  ttl     = 300
  records = ["v=spf1 -all"]
}

resource "aws_route53_record" "private_spf" {
  zone_id = aws_route53_zone.private.zone_id
  name    = "example.com"
  type    = "TXT"
  ttl     = 300
  records = ["v=spf1 -all"]
}

resource "aws_route53_record" "private_app" {
  zone_id = aws_route53_zone.private.zone_id
  name    = "app"
  type    = "CNAME"
  ttl     = 300
  records = ["backend.example.com"] # expect: cname-target-missing "does not exist in zone example.com. (aws_route53_zone.private)"
}
