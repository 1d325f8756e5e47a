# A domain's zone with its mail exchanges: the primary host here, the backup on an instance.

variable "domain" {
  type = string
}

variable "exchanges" {
  type = list(string)
}

resource "aws_route53_zone" "this" {
  name = var.domain
}

resource "aws_route53_record" "mx" {
  zone_id = aws_route53_zone.this.zone_id
  name    = var.domain
  type    = "MX"
  ttl     = 300
  records = var.exchanges
}

resource "aws_route53_record" "mx_host" {
  zone_id = aws_route53_zone.this.zone_id
  name    = "mx"
  type    = "A"
  ttl     = 300
  records = ["192.0.2.25"]
}

resource "aws_instance" "backup" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
}

resource "aws_route53_record" "mx_backup_host" {
  zone_id = aws_route53_zone.this.zone_id
  name    = "mx-backup"
  type    = "A"
  ttl     = 300
  records = [aws_instance.backup.public_ip]
}
