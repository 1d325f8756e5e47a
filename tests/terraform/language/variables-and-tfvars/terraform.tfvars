domain = "example.net"
exchanges = [
  { preference = 10, host = "mx1.example.net." },
  { preference = 20, host = "mx2.example.net." },
]
