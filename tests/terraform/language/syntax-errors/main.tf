# Each syntax error is reported where it is, and reading goes on: the records after them are
# still checked.
resource "aws_route53_zone" "main" {
  name = "example.com"
}

resource "aws_route53_record" "broken" {
  zone_id = aws_route53_zone.main.zone_id
  name    = "broken", type = "A" # expect: syntax-error "Unexpected comma"
  records = ["192.0.2.1"
} # expect: syntax-error "Missing item separator"

resource "aws_route53_record" "unclosed" {
  # expect: syntax-error "multi-line string"
  name = "oops
}

resource "aws_route53_record" "mx" {
  zone_id = aws_route53_zone.main.zone_id
  name    = ""
  type    = "MX"
  ttl     = 300
  records = ["10 mx1.example.net"] # expect: mx-missing-backup
}
