# Terraform refuses for_each over a list: it needs a map or a set (toset() makes one).
resource "aws_route53_zone" "main" {
  name = "example.com"
}

resource "aws_route53_record" "www" {
  for_each = ["www", "api"] # expect: syntax-error "toset()"
  zone_id  = aws_route53_zone.main.zone_id
  name     = each.value
  type     = "A"
  ttl      = 300
  records  = ["192.0.2.1"]
}
