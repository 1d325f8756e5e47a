# Lightsail: one entry per record, the name relative to the domain or whole.
resource "aws_lightsail_domain" "main" {
  domain_name = "example.com"
}

resource "aws_lightsail_domain_entry" "www" {
  domain_name = aws_lightsail_domain.main.domain_name
  name        = "www"
  type        = "CNAME"
  target      = "web.example.com"  # expect: cname-target-missing
}

resource "aws_lightsail_domain_entry" "shop" {
  domain_name = aws_lightsail_domain.main.domain_name
  name        = "shop"
  type        = "CNAME"
  target      = "missing.example.com"  # expect: cname-target-missing
}
