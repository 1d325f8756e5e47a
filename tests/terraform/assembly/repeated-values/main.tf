# An RRset is a set (RFC 2181 §5): a value repeated in one resource's list, or across the
# resources of one RRset, is one record. duplicate-record says so; no rule counts it twice
# (no spf-multiple, no mx-duplicate-preference).
resource "aws_route53_zone" "main" {
  name = "example.com"
}

resource "aws_route53_record" "spf" {
  zone_id = aws_route53_zone.main.zone_id
  name    = "example.com"
  type    = "TXT"
  ttl     = 300
  records = ["v=spf1 mx -all", "v=spf1 mx -all"] # expect: duplicate-record
}

resource "cloudflare_zone" "other" {
  zone = "example.org"
}

resource "cloudflare_record" "mx_primary" {
  zone_id  = cloudflare_zone.other.id
  name     = "@"
  type     = "MX"
  content  = "mx1.example.net"
  priority = 10
}

resource "cloudflare_record" "mx_primary_again" {
  zone_id  = cloudflare_zone.other.id
  name     = "@"
  type     = "MX"
  content  = "mx1.example.net" # expect: duplicate-record
  priority = 10
}

resource "cloudflare_record" "mx_backup" {
  zone_id  = cloudflare_zone.other.id
  name     = "@"
  type     = "MX"
  content  = "mx2.example.net"
  priority = 20
}
