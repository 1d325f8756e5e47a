;;; dnslint-eglot.el --- dnslint as a language server through eglot  -*- lexical-binding: t; -*-
;; Load this file, then M-x eglot in a zone file, a Terraform file or DNS YAML.
(require 'eglot)
(add-to-list 'eglot-server-programs
             '((dns-mode zone-mode terraform-mode hcl-mode yaml-mode) . ("dnslint" "lsp")))
(provide 'dnslint-eglot)
;;; dnslint-eglot.el ends here
