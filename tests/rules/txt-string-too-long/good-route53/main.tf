# expect-none
resource "aws_route53_zone" "main" {
  name = "example.com"
}

# The provider's documented form: \"\" where the value is split into strings.
resource "aws_route53_record" "dkim" {
  zone_id = aws_route53_zone.main.zone_id
  name    = "s1._domainkey.example.com"
  type    = "TXT"
  ttl     = 300
  records = ["v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAv0TuDi8xVQnIJX4smfYjVHfKObtAA5La8zKkPqUbijZpzneYPc1QbrwFebme8ErqbTfFeRT0eOszOQdDH9LCBcz/VRHhK9pHiQlUeOGK8HKTsXMm40S0SYrmzOzGdUyYc13uDYhRvtu9he5Z9cCEikE+5N9AMTNwjr+oUFX5pk/v85crhBxv72pfb+\"\"4HnnavawG105yhGOtBOg7dIv9Uf4fqNeJK1pm8cmHc+vlqhnSwWk+iwcnxso/CsXBlNGblyJabLNAJ9Sg4wZF8HubDyHS6EZySiXZYYiIbt4gS7Vlo1O/qIivD8vs/utsWV/Qkg71mHVy0TyxFGTU7rYiJ0wIDAQAB"]
}

# Cloudflare splits long values itself.
resource "cloudflare_record" "dkim" {
  zone_id = "0123456789abcdef0123456789abcdef"
  name    = "s2._domainkey.example.com"
  type    = "TXT"
  content = "v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAv0TuDi8xVQnIJX4smfYjVHfKObtAA5La8zKkPqUbijZpzneYPc1QbrwFebme8ErqbTfFeRT0eOszOQdDH9LCBcz/VRHhK9pHiQlUeOGK8HKTsXMm40S0SYrmzOzGdUyYc13uDYhRvtu9he5Z9cCEikE+5N9AMTNwjr+oUFX5pk/v85crhBxv72pfb+4HnnavawG105yhGOtBOg7dIv9Uf4fqNeJK1pm8cmHc+vlqhnSwWk+iwcnxso/CsXBlNGblyJabLNAJ9Sg4wZF8HubDyHS6EZySiXZYYiIbt4gS7Vlo1O/qIivD8vs/utsWV/Qkg71mHVy0TyxFGTU7rYiJ0wIDAQAB"
}
