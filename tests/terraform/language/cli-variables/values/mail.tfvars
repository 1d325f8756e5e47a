mail_hosts = ["mx1.example.com", "mx2.example.com", "mx1.example.com"]
