# aws_route53_records_exclusive: every record set of the hosted zone in one resource, each a
# resource_record_set block with Route 53's semantics (full names, absolute targets).
resource "aws_route53_zone" "main" {
  name = "example.com"
}

resource "aws_route53_records_exclusive" "all" {
  zone_id = aws_route53_zone.main.zone_id

  resource_record_set {
    name = "example.com"
    type = "MX"
    ttl  = 300
    resource_records {
      value = "10 mail.example.com"  # expect: mx-target-cname
    }
    resource_records {
      value = "20 backup.example.net"
    }
  }

  resource_record_set {
    name = "mail.example.com"
    type = "CNAME"
    ttl  = 300
    resource_records {
      value = "host.example.net"
    }
  }

  resource_record_set {
    name = "www.example.com"
    type = "A"
    alias_target {
      dns_name               = "d111111abcdef8.cloudfront.net"
      hosted_zone_id         = "Z2FDTNDATAQYW2"
      evaluate_target_health = false
    }
  }
}
