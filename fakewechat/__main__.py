"""``python -m fakewechat --port 8555``: serve the fake WeChat API in the foreground."""
from __future__ import annotations

import argparse
import logging
import sys

from fakewechat.server import FakeWeChat


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m fakewechat", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8555, help="0 picks a free port")
    parser.add_argument("--appid", default=None, help="accept only this appid (default: any)")
    parser.add_argument("--secret", default=None, help="accept only this secret (default: any)")
    parser.add_argument("--expires-in", type=int, default=7200, help="token lifetime, seconds")
    parser.add_argument("-v", "--verbose", action="store_true", help="log each request (no query)")
    args = parser.parse_args(argv)

    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO,
                        format="%(asctime)s %(name)s %(message)s")
    fake = FakeWeChat(args.host, args.port, appid=args.appid, secret=args.secret,
                      expires_in=args.expires_in)
    try:
        fake.serve_forever(ready=lambda base: print(f"fake WeChat API at {base} "
                                                    f"(api_base {base}/cgi-bin/)", flush=True))
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
