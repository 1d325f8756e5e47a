# A migration from Route 53 to NS1: both providers hold a zone example.com with the same
# records. They are two zones: neither's records repeat the other's (no duplicate-record), and
# each has one SPF record (no spf-multiple). A name either zone holds exists.
# expect-none
resource "aws_route53_zone" "old" {
  name = "example.com"
}

resource "ns1_zone" "new" {
  zone = "example.com"
}

resource "aws_route53_record" "mx" {
  zone_id = aws_route53_zone.old.zone_id
  name    = "example.com"
  type    = "MX"
  ttl     = 300
  records = ["10 mx1.example.com", "20 mx2.example.net"]
}

resource "aws_route53_record" "spf" {
  zone_id = aws_route53_zone.old.zone_id
  name    = "example.com"
  type    = "TXT"
  ttl     = 300
  records = ["v=spf1 mx -all"]
}

resource "aws_route53_record" "mx1" {
  zone_id = aws_route53_zone.old.zone_id
  name    = "mx1.example.com"
  type    = "A"
  ttl     = 300
  records = ["192.0.2.25"]
}

resource "ns1_record" "mx" {
  zone   = ns1_zone.new.zone
  domain = "example.com"
  type   = "MX"
  answers {
    answer = "10 mx1.example.com"
  }
  answers {
    answer = "20 mx2.example.net"
  }
}

resource "ns1_record" "spf" {
  zone   = ns1_zone.new.zone
  domain = "example.com"
  type   = "TXT"
  answers {
    answer = "v=spf1 mx -all"
  }
}

resource "ns1_record" "mx1" {
  zone   = ns1_zone.new.zone
  domain = "mx1.example.com"
  type   = "A"
  answers {
    answer = "192.0.2.25"
  }
}
