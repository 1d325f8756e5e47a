#!/usr/bin/python3
"""SMTP servers on loopback for tests/live/verify_live.py (aiosmtpd, Debian's python3-aiosmtpd):
one per ADDRESS=KIND argument on PORT, where KIND is `tls:CERT:KEY` (STARTTLS with that
certificate) or `plain` (no STARTTLS). Prints "ready" when all listen; runs until killed.

Usage: smtp_servers.py PORT ADDRESS=KIND..."""
import ssl
import sys
import time

from aiosmtpd.controller import Controller


class Discard:
    async def handle_DATA(self, server, session, envelope):
        return "250 OK"


def main():
    port = int(sys.argv[1])
    controllers = []
    for spec in sys.argv[2:]:
        address, kind = spec.split("=", 1)
        options = {}
        if kind.startswith("tls:"):
            _, cert, key = kind.split(":")
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(cert, key)
            options["tls_context"] = context
        controller = Controller(Discard(), hostname=address, port=port,
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
