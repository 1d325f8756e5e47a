# args: verify --replay bad-proxied.jsonl --server provider=192.0.2.53
resource "cloudflare_zone" "example" {
  zone = "example.com"
}

# Cloudflare answers with its proxy's addresses: not compared, and said so.
resource "cloudflare_record" "www" {
  zone_id = cloudflare_zone.example.id
  name    = "www"
  type    = "A"
  content = "192.0.2.80" # expect: server-rrset-differs "is not compared: it is proxied"
  proxied = true
}

# Not proxied: compared, and served otherwise.
resource "cloudflare_record" "api" {
  zone_id = cloudflare_zone.example.id
  name    = "api"
  type    = "A"
  content = "192.0.2.90" # expect: server-rrset-differs "api.example.com. A as 192.0.2.91 where the source has 192.0.2.90"
  proxied = false
}
