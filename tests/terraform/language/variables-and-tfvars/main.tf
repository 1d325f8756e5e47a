# Variable values: terraform.tfvars over defaults, *.auto.tfvars over terraform.tfvars; other
# *.tfvars files (prod.tfvars) only with --var-file.
variable "domain" {
  type    = string
  default = "example.invalid"
}

variable "exchanges" {
  type = list(object({
    preference = number
    host       = string
  }))
  default = []
}

variable "ttl" {
  type    = number
  default = 3600
}

resource "aws_route53_zone" "main" {
  name = var.domain
}

resource "aws_route53_record" "mx" {
  zone_id = aws_route53_zone.main.zone_id
  name    = var.domain
  type    = "MX"
  ttl     = var.ttl
  records = [for exchange in var.exchanges : "${exchange.preference} ${exchange.host}"] # expect: mx-duplicate-preference "shared with mx1.example.net."
}
