resource "dns_mx_record_set" "m" {
  zone = "example.com."
  dynamic "mx" {
    for_each = "not a collection"
    content { exchange = mx.value }
  }
  dynamic "mx" {
    for_each = [1]
  }
}
