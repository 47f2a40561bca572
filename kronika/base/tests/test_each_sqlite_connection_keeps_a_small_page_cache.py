"""Each request thread's SQLite connection keeps a page cache of 512 KB, not 2 MB.

The setting is made per connection, so it is read in a thread of its own,
with a connection of its own, as a server's request threads have.
"""

import threading
from unittest import skipUnless

from django.db import connection, connections
from django.test import SimpleTestCase


def cache_size_in_a_new_thread() -> int:
    found = []

    def read():
        try:
            with connections["default"].cursor() as cursor:
                cursor.execute("PRAGMA cache_size")
                found.append(cursor.fetchone()[0])
        finally:
            connections.close_all()

    thread = threading.Thread(target=read)
    thread.start()
    thread.join()
    return found[0]


@skipUnless(connection.vendor == "sqlite", "the page cache is SQLite's")
class SqlitePageCacheTests(SimpleTestCase):
    databases = {"default"}

    def test_a_new_connection_keeps_512_kilobytes(self):
        # Negative sizes are in kibibytes (SQLite's PRAGMA cache_size).
        self.assertEqual(cache_size_in_a_new_thread(), -512)
