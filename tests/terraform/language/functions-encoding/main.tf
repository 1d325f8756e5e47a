# Functions evaluated exactly as Terraform evaluates them: JSON, base64 and hashes, regular
# expressions in RE2's syntax, files and templates read from the module's folder, setproduct,
# try and can, and strings in Unicode NFC. Each value ends up in a record whose finding shows
# it was computed exactly (Terraform's own plan of this module gives the same findings).
locals {
  settings  = jsondecode("{\"mx\": [\"10 relay.example.com\", \"20 mx2.example.net\"], \"ttl\": 300}")
  encoded   = jsonencode({ host = "<mx>" }) # {"host":"\u003cmx\u003e"}: 25 characters
  selector  = substr(sha256("example.com"), 0, 8)
  host      = regex("^([a-z]+)\\.", "mail.example.com")[0]
  dmarc     = replace("v=DMARC1; p=quarantine; pct=50", "/pct=([0-9]+)/", "pct=$${1}0")
  exchanges = regexall("[a-z0-9]+\\.example\\.net", "backup mx3.example.net, mx4.example.net")
  pairs     = setproduct(["www", "api"], ["A"])
  exchange  = trimspace(file("${path.module}/templates/exchange.txt"))
  fallback  = try(local.settings.missing, "30 ${local.exchange}")
  has_ttl   = can(local.settings.ttl)
  decoded   = base64decode(base64encode("v=spf1 -all"))
  composed  = "caf\u00e9"
  decomposed = "caf\u0065\u0301"
}

resource "aws_route53_zone" "main" {
  name = "example.com"
}

resource "aws_route53_record" "mx" {
  zone_id = aws_route53_zone.main.zone_id
  name    = "example.com"
  type    = "MX"
  ttl     = local.has_ttl ? local.settings.ttl : 60
  records = concat(local.settings.mx, [local.fallback]) # expect: mx-target-cname "relay.example.com."
}

resource "aws_route53_record" "relay" {
  zone_id = aws_route53_zone.main.zone_id
  name    = "relay"
  type    = "CNAME"
  ttl     = 300
  records = ["${local.host}.example.com"]
}

resource "aws_route53_record" "mail" {
  zone_id = aws_route53_zone.main.zone_id
  name    = "mail"
  type    = "A"
  ttl     = 300
  records = ["192.0.2.25"]
}

resource "aws_route53_record" "spf" {
  zone_id = aws_route53_zone.main.zone_id
  name    = "example.com"
  type    = "TXT"
  ttl     = 300
  records = [chomp(templatefile("${path.module}/templates/spf.tftpl", { networks = ["192.0.2.0/24"], policy = "+all" }))] # expect: spf-permissive-all
}

resource "aws_route53_record" "dmarc" {
  zone_id = aws_route53_zone.main.zone_id
  name    = "_dmarc"
  type    = "TXT"
  ttl     = 300
  records = [local.dmarc] # expect: dmarc-syntax "pct"
}

resource "aws_route53_record" "backups" {
  zone_id = aws_route53_zone.main.zone_id
  name    = "backups"
  type    = "MX"
  ttl     = 300
  records = [for i, host in local.exchanges : "${length(local.encoded)} ${host}"] # expect: mx-duplicate-preference "MX preference 25"
}

resource "aws_route53_record" "service" {
  for_each = { for pair in local.pairs : pair[0] => pair[1] }
  zone_id  = aws_route53_zone.main.zone_id
  name     = each.key
  type     = each.value
  ttl      = 300
  records  = ["192.0.2.80"]
}

resource "aws_route53_record" "verification" {
  zone_id = aws_route53_zone.main.zone_id
  name    = "${local.selector}._verify"
  type    = "CNAME"
  ttl     = 300
  records = ["missing.example.com"] # expect: cname-target-missing "missing.example.com."
}

resource "aws_route53_record" "spf_record" {
  zone_id = aws_route53_zone.main.zone_id
  name    = "spf"
  type    = "TXT"
  ttl     = 300
  records = [local.decoded]
}

# One name written two ways: composed in NFC, it is one owner with two CNAMEs.
resource "aws_route53_record" "composed" {
  zone_id = aws_route53_zone.main.zone_id
  name    = local.composed
  type    = "CNAME"
  ttl     = 300
  records = ["mail.example.com"]
}

resource "aws_route53_record" "decomposed" {
  zone_id = aws_route53_zone.main.zone_id
  name    = local.decomposed
  type    = "CNAME"
  ttl     = 300
  records = ["relay.example.com"] # expect: cname-multiple; expect: cname-chain
}
