module "m" {
  source = "./self"
  count = -1
}
module "n" {
  source = "./self"
  for_each = [1, 2]
}
