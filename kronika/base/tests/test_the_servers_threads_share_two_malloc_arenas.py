"""A server process's request threads share two malloc arenas, not one each.

glibc's own count of its arenas (malloc_info) is read in a fresh process where
six threads are alive at once. Without the cap each takes an arena of its own,
which the test checks too, so that it cannot pass on a C library that never
makes more than two.
"""

import os
import subprocess
import sys

from django.test import SimpleTestCase

from kronika.base.management.commands.serve import ARENAS

THREADS = 6
COUNT_ARENAS = f"""
import ctypes, sys, tempfile, threading
from kronika.base.management.commands.serve import fewer_malloc_arenas

if sys.argv[1] == "capped":
    fewer_malloc_arenas()
together = threading.Barrier({THREADS})

def allocate():
    kept = [bytearray(4096) for _ in range(200)]
    together.wait()

threads = [threading.Thread(target=allocate) for _ in range({THREADS})]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
libc = ctypes.CDLL(None)
libc.fopen.restype = ctypes.c_void_p
with tempfile.NamedTemporaryFile() as report:
    stream = ctypes.c_void_p(libc.fopen(report.name.encode(), b"w"))
    libc.malloc_info(0, stream)
    libc.fclose(stream)
    print(open(report.name).read().count("<heap nr="))
"""


def arenas(mode: str) -> int:
    env = {key: value for key, value in os.environ.items() if key != "MALLOC_ARENA_MAX"}
    done = subprocess.run(
        [sys.executable, "-c", COUNT_ARENAS, mode], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return int(done.stdout)


class MallocArenaTests(SimpleTestCase):
    def test_threads_take_an_arena_each_unless_capped(self):
        self.assertGreater(arenas("uncapped"), ARENAS)
        self.assertLessEqual(arenas("capped"), ARENAS)
