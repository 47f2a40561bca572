"""WordPress exports for the tests: two real ones in fixtures/, small ones built here."""

import tempfile
import zlib
from io import StringIO
from pathlib import Path
from xml.sax.saxutils import escape

from django.apps import apps
from django.core.management import call_command

from kronika.testing import KronikaTestCase
from kronika.wordpress.importer import import_export

FIXTURES = Path(__file__).resolve().parent / "fixtures"  # their licences: fixtures/README.md
SEED = FIXTURES / "seed-page.wxr"
BLOCK_TEST_DATA = FIXTURES / "wordpress-block-test-data.xml"


def cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def comment(comment_id, body, *, parent=0, approved="1", author="Reader", email="", when=None,
            kind=""):  # fmt: skip
    when = when or "2017-05-19 10:00:00"
    return f"""<wp:comment>
<wp:comment_id>{comment_id}</wp:comment_id>
<wp:comment_author>{cdata(author)}</wp:comment_author>
<wp:comment_author_email>{cdata(email)}</wp:comment_author_email>
<wp:comment_author_IP>{cdata("192.0.2.7")}</wp:comment_author_IP>
<wp:comment_date>{cdata(when)}</wp:comment_date>
<wp:comment_date_gmt>{cdata(when)}</wp:comment_date_gmt>
<wp:comment_content>{cdata(body)}</wp:comment_content>
<wp:comment_approved>{cdata(approved)}</wp:comment_approved>
<wp:comment_type>{cdata(kind)}</wp:comment_type>
<wp:comment_parent>{parent}</wp:comment_parent>
</wp:comment>"""


def item(post_id, title, *, content="<p>Text.</p>", slug=None, status="publish", kind="post",
         when="2017-05-18 09:00:00", excerpt="", creator="newsdesk", categories=("news",),
         tags=(), comments=(), comment_status="open", password="", sticky=False, parent=0,
         meta=None, attachment_url="", link=None):  # fmt: skip
    slug = slug if slug is not None else title.lower().replace(" ", "-")
    date = when or "0000-00-00 00:00:00"
    link = (
        link
        if link is not None
        else f"https://paper.example.org/{date[:10].replace('-', '/')}/{slug}/"
    )
    terms = "".join(
        f'<category domain="category" nicename="{escape(c)}">{cdata(c.title())}</category>'
        for c in categories
    ) + "".join(
        f'<category domain="post_tag" nicename="{escape(t)}">{cdata(t)}</category>' for t in tags
    )
    metas = "".join(
        f"<wp:postmeta><wp:meta_key>{cdata(k)}</wp:meta_key><wp:meta_value>{cdata(str(v))}"
        "</wp:meta_value></wp:postmeta>"
        for k, v in (meta or {}).items()
    )
    return f"""<item>
<title>{cdata(title)}</title>
<link>{escape(link)}</link>
<dc:creator>{cdata(creator)}</dc:creator>
<guid isPermaLink="false">https://paper.example.org/?p={post_id}</guid>
<description></description>
<content:encoded>{cdata(content)}</content:encoded>
<excerpt:encoded>{cdata(excerpt)}</excerpt:encoded>
<wp:post_id>{post_id}</wp:post_id>
<wp:post_date>{cdata(date)}</wp:post_date>
<wp:post_date_gmt>{cdata(date)}</wp:post_date_gmt>
<wp:comment_status>{cdata(comment_status)}</wp:comment_status>
<wp:post_name>{cdata(slug)}</wp:post_name>
<wp:status>{cdata(status)}</wp:status>
<wp:post_parent>{parent}</wp:post_parent>
<wp:menu_order>0</wp:menu_order>
<wp:post_type>{cdata(kind)}</wp:post_type>
<wp:post_password>{cdata(password)}</wp:post_password>
<wp:is_sticky>{int(sticky)}</wp:is_sticky>
<wp:attachment_url>{cdata(attachment_url)}</wp:attachment_url>
{terms}{metas}{"".join(comments)}
</item>"""


def category(slug, name, parent=""):
    return (
        f"<wp:category><wp:term_id>{zlib.crc32(slug.encode()) % 10000}</wp:term_id>"
        f"<wp:category_nicename>{cdata(slug)}</wp:category_nicename>"
        f"<wp:category_parent>{cdata(parent)}</wp:category_parent>"
        f"<wp:cat_name>{cdata(name)}</wp:cat_name></wp:category>"
    )


def export(*items: str, version="1.2", header="") -> str:
    header = header or category("news", "News")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/{version}/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:wp="http://wordpress.org/export/{version}/">
<channel>
<title>Paper</title>
<link>https://paper.example.org</link>
<wp:wxr_version>{version}</wp:wxr_version>
<wp:base_site_url>https://paper.example.org</wp:base_site_url>
<wp:base_blog_url>https://paper.example.org</wp:base_blog_url>
<wp:author><wp:author_id>1</wp:author_id><wp:author_login>{cdata("newsdesk")}</wp:author_login>
<wp:author_email>{cdata("desk@example.org")}</wp:author_email>
<wp:author_display_name>{cdata("News Desk")}</wp:author_display_name>
<wp:author_first_name>{cdata("")}</wp:author_first_name>
<wp:author_last_name>{cdata("")}</wp:author_last_name></wp:author>
{header}
{"".join(items)}
</channel>
</rss>
"""


def run_import_command(path: Path, *args: str) -> str:
    """`kronika import_wordpress`, in this process: what it printed."""
    out = StringIO()
    call_command("import_wordpress", str(path), *args, stdout=out, stderr=StringIO())
    return out.getvalue()


class ImportTestCase(KronikaTestCase):
    """Imports written to a temporary folder, through the importer or the command."""

    def setUp(self):
        super().setUp()
        folder = tempfile.TemporaryDirectory()
        self.addCleanup(folder.cleanup)
        self.folder = Path(folder.name)

    def write(self, text: str, name="export.xml") -> Path:
        path = self.folder / name
        path.write_text(text, encoding="utf-8")
        return path

    def import_text(self, text: str, **options):
        return import_export(self.write(text), **options)


def row_counts() -> dict[str, int]:
    """How many rows every table holds: an import that changes nothing leaves all of them."""
    return {
        model._meta.label: model._base_manager.count()
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy
    }
