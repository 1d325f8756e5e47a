domain = "prod.example.com"
