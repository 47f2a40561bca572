"""`make bench`, WordPress part: see __main__.py."""
