resource "aws_route53_record" "r" {
  count = 3000000
  zone_id = "Z1"
  name = "x${count.index}.example.com"
  type = "A"
  records = ["192.0.2.1"]
}
