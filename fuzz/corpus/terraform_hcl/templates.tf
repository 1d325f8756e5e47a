a = "${"${"${x}"}"}"
b = <<-EOT
  %{ for k, v in {a = 1} ~}
  ${k}=${v}
  %{~ endfor }
EOT
c = [for x in range(10) : x if x % 2 == 0]
