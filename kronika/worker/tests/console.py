"""A Python console on a paper's database, so a test can look inside in milliseconds.

`kronika shell` takes seconds to start; this starts once. Each line on stdin is
a JSON string of code, run with `kronika.worker.tests.paper_side` imported as
`paper`; what it leaves in `result` comes back as one line of JSON.
"""

import json
import os
import sys
import traceback

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kronika.settings")

import django

django.setup()

from django.db import close_old_connections  # noqa: E402

from kronika.worker.tests import paper_side  # noqa: E402

for line in sys.stdin:
    namespace = {"paper": paper_side, "result": None}
    try:
        exec(json.loads(line), namespace)  # noqa: S102 - the test's own code
        reply = {"result": namespace["result"]}
    except Exception:
        reply = {"error": traceback.format_exc()}
    close_old_connections()
    print(json.dumps(reply, default=str), flush=True)
