# count: instances named by count.index; count = 0 (a switched-off resource) makes none.
variable "hosts" {
  default = ["192.0.2.1", "198.51.100.2"]
}

variable "enable_legacy" {
  default = false
}

resource "aws_route53_zone" "main" {
  name = "example.com"
}

resource "aws_route53_record" "mx_host" {
  count   = length(var.hosts)
  zone_id = aws_route53_zone.main.zone_id
  name    = "mx${count.index + 1}"
  type    = "A"
  ttl     = 300
  records = [var.hosts[count.index]]
}

resource "aws_route53_record" "mx" {
  zone_id = aws_route53_zone.main.zone_id
  name    = ""
  type    = "MX"
  ttl     = 300
  records = [for i, host in aws_route53_record.mx_host : "${(i + 1) * 10} ${host.name}.example.com"]
}

resource "aws_route53_record" "legacy_mx" {
  count   = var.enable_legacy ? 1 : 0
  zone_id = aws_route53_zone.main.zone_id
  name    = "legacy"
  type    = "MX"
  ttl     = 300
  records = ["10 nowhere.example.com"]
}

resource "aws_route53_record" "numbered" {
  count   = 2
  zone_id = aws_route53_zone.main.zone_id
  name    = "svc"
  type    = "CNAME"
  ttl     = 300
  records = ["target${count.index}.example.net"] # expect: cname-multiple
}
