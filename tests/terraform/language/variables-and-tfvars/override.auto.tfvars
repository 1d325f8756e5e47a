domain = "example.org"
exchanges = [
  { preference = 10, host = "mx1.example.net." },
  { preference = 10, host = "mx2.example.net." },
]
