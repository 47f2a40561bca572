"""Running text is read comfortably at up to about 75 characters a line: the
article's paragraphs and standfirst, and the standfirsts of the front page,
measured in the browser at every width, by where each character is drawn."""

import pytest

LONGEST = 75

# For each element, the most characters any one of its lines holds: characters
# are grouped into lines by the top of the box each is drawn in.
LONGEST_LINE = """
(selector) => [...document.querySelectorAll(selector)].map((element) => {
  const range = document.createRange();
  const lines = new Map();
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = 0; i < node.length; i++) {
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const box = range.getClientRects()[0];
      if (box) lines.set(Math.round(box.top), (lines.get(Math.round(box.top)) || 0) + 1);
    }
  }
  return Math.max(0, ...lines.values());
})
"""

TEXTS = {
    "article": (".article-body > p", ".standfirst"),
    "home": (".teaser-standfirst",),
}


@pytest.mark.parametrize("width", [390, 768, 1280])
@pytest.mark.parametrize("kind", sorted(TEXTS))
def test_no_line_of_running_text_is_longer_than_75_characters(page, open_reader_page, kind, width):
    open_reader_page(page, kind, width)
    page.evaluate("document.fonts.ready")
    for selector in TEXTS[kind]:
        longest = page.evaluate(LONGEST_LINE, selector)
        assert longest, f"{kind}: nothing matches {selector}"
        assert max(longest) <= LONGEST, f"{kind} at {width} px: {selector} runs {max(longest)}"
