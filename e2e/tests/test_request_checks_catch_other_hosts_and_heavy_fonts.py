"""The request checks are only worth something if they fail: a page that loads a
stylesheet from another host, has a picture refused by its own policy and
downloads a 120 KB font is caught on all three counts."""

from e2e import layout

PAGE = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Asks other hosts</title>
<meta http-equiv="Content-Security-Policy" content="img-src 'self'">
<link rel="stylesheet" href="http://localhost:{port}/other.css">
<style>
  @font-face { font-family: Heavy; src: url("heavy.woff2") format("woff2"); }
  body { font-family: Heavy, serif; }
</style></head>
<body><p>Text in a heavy font.</p><img alt="" src="http://localhost:{port}/picture.png"></body>
</html>
"""


def test_requests_to_other_hosts_refusals_and_heavy_fonts_are_found(page, serve_file):
    serve_file("other.css", "p { color: #222; }")
    serve_file("heavy.woff2", bytes(120 * 1024))
    port = serve_file("probe.txt", "").rsplit(":", 1)[1].split("/")[0]
    url = serve_file("asks-other-hosts.html", PAGE.replace("{port}", port))
    requests = layout.Requests(page)
    page.goto(url)
    requests.settle()
    origin = layout.origin_of(url)
    other_host = f"http://localhost:{port}"
    assert sorted(requests.off_site(origin)) == [
        other_host + "/other.css",
        other_host + "/picture.png",
    ]
    assert any("picture.png" in refusal for refusal in requests.refused), requests.refused
    fonts = requests.fonts()
    assert list(fonts) == [origin + "/heavy.woff2"]
    assert sum(fonts.values()) > layout.FONT_BUDGET_KB
