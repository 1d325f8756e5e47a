resource "aws_route53_zone" "main" {
  name = "example.com"
}

resource "aws_route53_record" "dkim" {
  zone_id = aws_route53_zone.main.zone_id
  name    = "s1._domainkey.example.com"
  type    = "TXT"
  ttl     = 300
  records = ["v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQCk5vodUI8N+6QwDClSVyKy85sYaDN+RjiF/oCEMATfW2S4v/ztIr8vkND1L6mkN8IfnyaZ2B+lWpglanfSs5r2G6qgnS2CITqxLRvCJ7U8uXUzzlUhThZW28pBHf+qbdtL71c12k3vn7BDpKmoGAVyhZcxyUVgejzEWDJ1QuKaCwIDAQAB"] # expect: dkim-weak-key "1024-bit"
}
