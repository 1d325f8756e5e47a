# Modules from a registry or a repository are not read: that is said, never guessed at.
module "dns" {
  source  = "terraform-aws-modules/route53/aws//modules/records" # expect: unresolved-value "not a local directory"
  version = "~> 2.0"
}

module "missing" {
  source = "./modules/absent" # expect: unresolved-value "cannot read the module directory"
}
