a = <<EOT
EOT
b = <<-EOT
EOT
c = <<EOT
  indented marker does not end it: EOT
  EOT
d = [<<EOT
inside a tuple
EOT
, "after"]
e = <<X
${"x"}
X
