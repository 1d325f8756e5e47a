#!/usr/bin/python3
"""Mail servers on loopback for tests/live/verify_live.py (aiosmtpd from Debian's
python3-aiosmtpd, and Python's HTTPS server). One per ADDRESS:PORT=KIND argument:
  smtp-tls:CERT:KEY     SMTP offering STARTTLS with that certificate
  smtp-plain            SMTP without STARTTLS
  https:CERT:KEY:FILE   HTTPS serving FILE as text/plain at /.well-known/mta-sts.txt
Prints "ready" when all listen; runs until killed.

Usage: smtp_servers.py ADDRESS:PORT=KIND..."""
import http.server
import ssl
import sys
import threading
import time

from aiosmtpd.controller import Controller


class Discard:
    async def handle_DATA(self, server, session, envelope):
        return "250 OK"


def tls_context(cert, key):
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    return context


def serve_policy(address, port, cert, key, path):
    with open(path, "rb") as policy:
        body = policy.read()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            if self.path != "/.well-known/mta-sts.txt":
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer((address, port), Handler)
    server.socket = tls_context(cert, key).wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()


def main():
    controllers = []
    for spec in sys.argv[1:]:
        where, kind = spec.split("=", 1)
        address, port = where.rsplit(":", 1)
        parts = kind.split(":")
        if parts[0] == "https":
            serve_policy(address, int(port), parts[1], parts[2], parts[3])
            continue
        options = {"tls_context": tls_context(parts[1], parts[2])} if parts[0] == "smtp-tls" else {}
        controller = Controller(Discard(), hostname=address, port=int(port),
                                server_hostname=address, **options)
        controller.start()
        controllers.append(controller)
    print("ready", flush=True)
    try:
        while True:
            time.sleep(3600)
    finally:
        for controller in controllers:
            controller.stop()


if __name__ == "__main__":
    main()
