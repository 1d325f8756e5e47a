# Every construct of the native syntax, for the parity test against hclsyntax.
/* a block comment
   over lines */ top = 1 // and a slash comment
numbers = [0, 1.5, 1e3, 2.5E-2, 1e+2, 007]
strings = ["", "plain", "esc \t \" \\ \u00e9 \U0001F600", "$${not} %%{this}", "a${"b"}c"]
bools   = [true, false, null]
ops     = 1 + 2 * 3 - 4 / 2 % 3 == 3 && !false || 2 >= 1 != (3 <= 2)
neg     = -5 - -3
cond    = true ? "yes" : false ? "maybe" : "no"
tuple   = [
  1,
  [2, [3]],
  { a = 1 },
]
object = {
  a     = 1
  "b-c" = 2, d : 3
  (e)   = 4
  for_x = 5
}
forms = [for i, v in ["x", "y"] : "${i}${v}" if i < 5]
map_for = { for k, v in { a = 1, b = 2 } : v => k }
group = { for v in ["a", "b", "a"] : v => v... }
splat  = var.list[*].name
splat2 = var.list.*.name[0]
legacy = var.list.0.name
index  = var.map["key"]["inner"]
dyn    = var.map[var.key]
call   = f(1, "two", [3]...)
nested = f(g(h()), )
unicode_name_ñ = "ok"
hyphen-name = "ok"
empty_object = {}
empty_tuple = []
heredoc = <<EOT
  keep ${var.x} %{if true}yes%{endif}
EOT
flush = <<-EOT
    one
      two
    ${"three"}
    EOT
strip = "a ${~ "b" ~} c %{~ for x in [1] ~} ${x} %{~ endfor ~} d"

block "label" "two" {
  inner = "value"
  nested {
    deep = true
  }
  one_line { attribute = 1 }
  empty {}
}
ident_label unquoted "quoted" {}
