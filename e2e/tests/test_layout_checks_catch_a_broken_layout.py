"""The layout checks are only worth something if they fail: a page that runs past
the window, tucks its first heading under the navigation and lays a link over
its hero picture gets one finding for each."""

from e2e import layout

BROKEN_LAYOUT = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Broken layout</title>
<style>
  body { margin: 0; font: 16px/1.5 sans-serif; }
  .site-nav { height: 40px; border-bottom: 1px solid #000; }
  main { padding: 0 1rem; }
  .kicker { margin-top: -12px; }
  .wide { width: 500px; }
  .hero { position: relative; margin: 0; }
  .comment-count { position: absolute; top: 10px; left: 10px; }
</style></head>
<body>
<header class="site-header"><p>Paper</p><nav class="site-nav"><a href="/">Home</a></nav></header>
<main>
  <p class="kicker">Culture</p>
  <h1>A headline</h1>
  <table class="wide"><tr><td>A table wider than a phone</td></tr></table>
  <figure class="hero">
    <img width="300" height="150" alt="A hero picture" src="data:image/svg+xml,%3Csvg
      xmlns='http://www.w3.org/2000/svg' width='300' height='150'/%3E">
    <figcaption>The caption, below the picture</figcaption>
    <a class="comment-count" href="#comments">4 comments</a>
  </figure>
</main>
</body>
</html>
"""


def test_the_layout_checks_find_every_fault(page, serve_file):
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(serve_file("broken-layout.html", BROKEN_LAYOUT))
    findings = layout.layout_findings(page, 320)
    assert any("the page is 5" in finding for finding in findings), findings
    assert any('table.wide "A table wider than a phone" ends at' in f for f in findings), findings
    assert any('p.kicker "Culture" overlaps it' in f for f in findings), findings
    assert any('a.comment-count "4 comments" lies over img' in f for f in findings), findings
    assert not any("figcaption" in finding for finding in findings), findings


def test_a_sound_layout_has_no_findings(page, serve_file):
    sound = BROKEN_LAYOUT.replace("margin-top: -12px", "margin-top: 8px").replace(
        "width: 500px", "width: 100%"
    )
    sound = sound.replace("position: absolute; top: 10px; left: 10px;", "")
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(serve_file("sound-layout.html", sound))
    assert layout.layout_findings(page, 320) == []
