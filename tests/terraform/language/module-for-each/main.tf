# A module called for each domain: one instance per key, module.domain["key"] in messages.
module "domain" {
  for_each = {
    "example.com" = ["10 mx1.example.net", "20 mx2.example.net"]
    "example.org" = ["10 mx1.example.net"]
  }
  source = "./modules/domain"
  name   = each.key
  mx     = each.value
}
