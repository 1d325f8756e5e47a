# Terraform refuses a module that declares one resource address twice, across files too.
resource "aws_route53_record" "mx" {
  zone_id = aws_route53_zone.main.zone_id
  name    = ""
  type    = "MX"
  ttl     = 300
  records = ["10 mx3.example.net"] # expect: mx-missing-backup
}
