# Values known only after apply, or read from the provider at plan time, are unresolved-value
# notes and the records they feed are skipped by rules that would have to guess.
resource "aws_route53_zone" "main" {
  name = "example.com"
}

resource "aws_instance" "mail" {
  ami           = "ami-12345678"
  instance_type = "t3.micro"
}

data "aws_lb" "web" {
  name = "web"
}

resource "aws_route53_record" "mail" {
  zone_id = aws_route53_zone.main.zone_id
  name    = "mail"
  type    = "A"
  ttl     = 300
  records = [aws_instance.mail.public_ip] # expect: unresolved-value "aws_instance.mail.public_ip is known only after apply"
}

resource "aws_route53_record" "www" {
  zone_id = aws_route53_zone.main.zone_id
  name    = "www"
  type    = "CNAME"
  ttl     = 300
  records = [data.aws_lb.web.dns_name] # expect: unresolved-value "read from the provider when Terraform plans"
}

resource "aws_route53_record" "mx" {
  zone_id = aws_route53_zone.main.zone_id
  name    = ""
  type    = "MX"
  ttl     = 300
  records = ["10 mail.example.com", "20 ${uuid()}.example.net"] # expect: unresolved-value "uuid() is not evaluated"
}
