# NS1's ALIAS at the apex answers with its target's addresses: the provider's record, read as
# such, never a syntax-error. A URL forward is a service beside DNS: a note says it is skipped.
resource "ns1_zone" "main" {
  zone = "example.com"
}

resource "ns1_record" "apex" {
  zone   = ns1_zone.main.zone
  domain = "example.com"
  type   = "ALIAS"
  answers {
    answer = "lb.example.net"
  }
}

resource "ns1_record" "mx" {
  zone   = ns1_zone.main.zone
  domain = "example.com"
  type   = "MX"
  answers {
    answer = "10 mx1.example.net"
  }
  answers {
    answer = "20 mx2.example.net"
  }
}

resource "ns1_record" "old" {
  zone   = ns1_zone.main.zone
  domain = "old.example.com"
  type   = "URLFWD" # expect: unresolved-value "a service of its provider"
  answers {
    answer = "/ https://example.com/ 301 2 0"
  }
}
