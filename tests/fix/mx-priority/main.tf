resource "cloudflare_zone" "example" {
  zone = "example.io"
}

resource "cloudflare_record" "mx" {
  zone_id  = cloudflare_zone.example.id
  name     = "@"
  type     = "MX"
  content  = "10 mx1.example.io"
  priority = 10
}
