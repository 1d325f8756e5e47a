# Heredocs and template directives make record values.
variable "includes" {
  default = ["_spf.example.net", "mail.example.org"]
}

resource "aws_route53_zone" "main" {
  name = "example.com"
}

resource "aws_route53_record" "spf" {
  zone_id = aws_route53_zone.main.zone_id
  name    = ""
  type    = "TXT"
  ttl     = 300
  records = [
    "v=spf1 %{for include in var.includes}include:${include} %{endfor}-all",
    <<-EOT
      google-site-verification=abc123
    EOT
  ]
}

resource "aws_route53_record" "mx" {
  zone_id = aws_route53_zone.main.zone_id
  name    = ""
  type    = "MX"
  ttl     = 300
  records = ["%{if true}10%{else}20%{endif} ${"mail"}.example.net"] # expect: mx-missing-backup
}
