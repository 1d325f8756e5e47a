# for_each over a set of strings: each.key and each.value are the element.
resource "google_dns_managed_zone" "main" {
  name     = "example"
  dns_name = "example.com."
}

resource "google_dns_record_set" "alias" {
  for_each     = toset(["www", "api", "www"])
  managed_zone = google_dns_managed_zone.main.name
  name         = "${each.value}.${google_dns_managed_zone.main.dns_name}"
  type         = "CNAME"
  ttl          = 300
  rrdatas      = ["${each.key}.example.com."] # expect: cname-loop; expect: cname-loop
}
