"""A page with no picture of its own still has a large link preview: the paper's
mark as a 1200 by 630 PNG, at an address under the site that changes with the
name, so that networks which cache previews by address show the new one.
"""

import io
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from PIL import Image

from kronika.testing import KronikaTestCase, make_image, paper_settings


class ShareImageFallbackTests(KronikaTestCase):
    def meta(self, path: str = "/") -> dict[str, str]:
        page = BeautifulSoup(self.client.get(path).content, "html.parser")
        return {
            tag.get("property") or tag.get("name"): tag["content"]
            for tag in page.find_all("meta")
            if tag.get("content")
        }

    def picture(self, address: str) -> Image.Image:
        response = self.client.get(address)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "image/png")
        self.assertIn("public", response["Cache-Control"])
        picture = Image.open(io.BytesIO(response.content))
        picture.load()
        return picture

    def test_the_front_page_shares_the_wordmark_as_a_large_png(self):
        paper_settings(name="Новая газета")
        meta = self.meta()
        address = urlsplit(meta["og:image"])
        self.assertEqual(address.path, "/share-image.png")
        self.assertEqual(meta["twitter:image"], meta["og:image"])
        self.assertEqual(meta["twitter:card"], "summary_large_image")
        self.assertEqual((meta["og:image:width"], meta["og:image:height"]), ("1200", "630"))
        self.assertEqual(meta["og:image:alt"], "Новая газета")
        picture = self.picture(f"{address.path}?{address.query}")
        self.assertEqual((picture.format, picture.size), ("PNG", (1200, 630)))
        # The name is drawn: ink in the middle band, only the tint at the corners.
        self.assertEqual(picture.getpixel((5, 5)), (0xF4, 0xF1, 0xEA))
        middle = picture.crop((80, 200, 1120, 430)).convert("L")
        self.assertLess(min(middle.get_flattened_data()), 64)

    def test_a_new_name_or_logo_gets_a_new_address(self):
        paper_settings(name="Kronika")
        first = self.meta()["og:image"]
        paper_settings(name="Kronika Daily")
        renamed = self.meta()["og:image"]
        paper_settings(logo=make_image("Masthead logo", size=(800, 200), color="#224466"))
        with_logo = self.meta()["og:image"]
        self.assertEqual(len({first, renamed, with_logo}), 3)
        picture = self.picture(urlsplit(with_logo).path + "?" + urlsplit(with_logo).query)
        self.assertEqual(picture.size, (1200, 630))
        # The logo in the middle (a JPEG: within a step or two of its colour).
        red, green, blue = picture.getpixel((600, 300))
        self.assertLess(abs(red - 0x22) + abs(green - 0x44) + abs(blue - 0x66), 6)
