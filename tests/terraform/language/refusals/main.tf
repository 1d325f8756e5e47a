# What Terraform refuses is an error where it is written, as `terraform validate` or `plan`
# says it: a reference to a variable or local the module does not declare, a key a literal map
# lacks, an index into a set, a file that is not there. A root variable without a value is only unknown: Terraform may take it from
# the environment.
variable "environment" {}

locals {
  hosts = { web = "192.0.2.80" }
}

resource "aws_route53_zone" "main" {
  name = "example.com"
}

resource "aws_route53_record" "undeclared_variable" {
  zone_id = aws_route53_zone.main.zone_id
  name    = var.subdomain # expect: syntax-error "is not declared in the module"
  type    = "A"
  ttl     = 300
  records = ["192.0.2.1"]
}

resource "aws_route53_record" "undeclared_local" {
  zone_id = aws_route53_zone.main.zone_id
  name    = "api"
  type    = "A"
  ttl     = 300
  records = [local.api_address] # expect: syntax-error "local.api_address is not declared in the module"
}

resource "aws_route53_record" "missing_key" {
  zone_id = aws_route53_zone.main.zone_id
  name    = "mail"
  type    = "A"
  ttl     = 300
  records = [local.hosts["mail"]] # expect: syntax-error "no attribute or key 'mail'"
}

resource "aws_route53_record" "web" {
  zone_id = aws_route53_zone.main.zone_id
  name    = "web"
  type    = "A"
  ttl     = 300
  records = [local.hosts["web"]]
}

resource "aws_route53_record" "set_index" {
  zone_id = aws_route53_zone.main.zone_id
  name    = "www"
  type    = "A"
  ttl     = 300
  records = [aws_route53_record.web.records[0]] # expect: syntax-error "elements of a set cannot be taken by index"
}

resource "aws_route53_record" "environment" {
  zone_id = aws_route53_zone.main.zone_id
  name    = var.environment # expect: unresolved-value "Terraform takes it from TF_VAR_environment"
  type    = "A"
  ttl     = 300
  records = ["192.0.2.2"]
}

resource "aws_route53_record" "missing_file" {
  zone_id = aws_route53_zone.main.zone_id
  name    = "backup"
  type    = "CNAME"
  ttl     = 300
  records = [file("${path.module}/backup-host.txt")] # expect: syntax-error "file not found"
}
