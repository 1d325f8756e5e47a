# A local module: its records are read with the values this call gives its variables, and a
# finding in the module's file relates the call. Its outputs are known to the caller.
module "mail" {
  source   = "./modules/mail"
  domain   = "example.com"
  primary  = "mail.example.com" # expect-none
  fallback = "backup.example.net"
}

resource "aws_route53_record" "mail" {
  zone_id = module.mail.zone_id
  name    = "mail"
  type    = "CNAME"
  ttl     = 300
  records = ["relay.example.net"]
}
