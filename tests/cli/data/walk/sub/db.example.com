; A clean zone: no finding with any rule.
$TTL 3600
@       IN SOA  ns1 hostmaster 2024010101 7200 3600 1209600 300
@       IN NS   ns1
@       IN NS   ns2.example.net.
@       IN MX   10 mx1
@       IN MX   20 mx2.example.net.
ns1     IN A    192.0.2.1
mx1     IN A    192.0.2.25
www     IN CNAME mx1
