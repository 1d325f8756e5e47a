# NS1: full names in `domain`, one answers block per record.
resource "ns1_zone" "main" {
  zone = "example.com"
}

resource "ns1_record" "mx" {
  zone   = ns1_zone.main.zone
  domain = "example.com"
  type   = "MX"
  answers {
    answer = "10 mail.example.com" # expect: mx-target-cname
  }
  answers {
    answer = "20 backup.example.net"
  }
}

resource "ns1_record" "mail" {
  zone   = ns1_zone.main.zone
  domain = "mail.example.com"
  type   = "CNAME"
  answers {
    answer = "host.example.net"
  }
}
