"""Addresses the site itself uses, which no section may take."""

# Top-level paths that belong to the site itself, so no section may take them.
RESERVED_SLUGS = frozenset(
    {
        "admin",
        "authors",
        "tags",
        "search",
        "feeds",
        "media",
        "static",
        "documents",
        "healthz",
        "readyz",
        "sitemap.xml",
        "robots.txt",
        "comments",
        "ratings",
        "api",
    }
)
