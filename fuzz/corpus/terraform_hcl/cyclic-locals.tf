locals {
  a = [local.b, local.b]
  b = [local.c, local.c]
  c = [local.d, local.d]
  d = [local.a]
}
resource "aws_route53_record" "r" {
  zone_id = "Z1"
  name = "x.example.com"
  type = "TXT"
  records = flatten(local.a)
}
