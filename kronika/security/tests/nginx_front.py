"""deploy/nginx.conf as shipped, in front of `kronika serve` with production
settings, on a demo paper: what the nginx tests share.
"""

import subprocess
import tempfile
import time
import unittest
from pathlib import Path

from bench.serving import nginx_binary, nginx_main, shipped_nginx_block
from kronika.base.tests.services import AppServer
from kronika.missing_tools import reason, tool
from kronika.security.tests.http_headers import (
    fetch,
    production_paper,
)
from kronika.testing_over_http import free_port

# TLS would end at this nginx; the test has no certificate, so it says https itself.
SCHEME_HEADER = "proxy_set_header X-Forwarded-Proto $scheme;"
NGINX_MISSING = reason(tool("nginx", "apt-get install nginx"))


@unittest.skipUnless(Path(nginx_binary()).exists(), NGINX_MISSING)
class NginxInFrontTestCase(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.data_dir = tempfile.TemporaryDirectory(prefix="kronika-nginx-")
        data = Path(cls.data_dir.name)
        cls.env, cls.paper, cls.password = production_paper(data)
        cls.app = AppServer(cls.env, data / "serve.log").start()
        cls.port = free_port()
        block = shipped_nginx_block(cls.port, [cls.app.port], data, data / "nginx" / "cache")
        assert SCHEME_HEADER in block, "deploy/nginx.conf no longer passes the scheme on"
        block = block.replace(SCHEME_HEADER, "proxy_set_header X-Forwarded-Proto https;")
        config = nginx_main(data / "nginx", 1, block)
        cls.nginx = subprocess.Popen(
            [nginx_binary(), "-p", str(data / "nginx"), "-c", str(config)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while not cls.healthy():
            if time.monotonic() > deadline:
                cls.tearDownClass()
                raise RuntimeError("nginx did not start")
            time.sleep(0.1)

    @classmethod
    def healthy(cls) -> bool:
        try:
            return fetch(cls.port, "/healthz").status == 200
        except OSError:
            return False

    @classmethod
    def tearDownClass(cls):
        cls.nginx.terminate()
        cls.nginx.wait(timeout=10)
        cls.app.stop()
        cls.data_dir.cleanup()
        super().tearDownClass()
