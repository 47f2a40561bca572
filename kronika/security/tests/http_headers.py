"""What the header tests share: a demo paper served with production settings,
a plain HTTP client that follows no redirect, and what each header must say.
"""

import http.client
import json
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from kronika.testing_over_http import environment_without_settings, kronika_output

YEAR = 31_536_000
DENIED_FEATURES = ("camera", "microphone", "geolocation", "payment", "usb")
SAFE_REFERRER_POLICIES = {
    "no-referrer",
    "same-origin",
    "strict-origin",
    "strict-origin-when-cross-origin",
}
# Relaxed for signed-in staff in the admin only (KRONIKA_ADMIN_CSP): never on a reader page.
NEWSROOM_ONLY = {"'unsafe-inline'", "blob:"}
SETUP = """
import json
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from kronika.base.models import KronikaImage
from kronika.news.models import ArticlePage

article = ArticlePage.objects.live().filter(tags__isnull=False).first()
document = get_document_model()(title="Annual report")
document.file.save("annual-report.txt", ContentFile(b"The annual report."), save=False)
document.save()
print(json.dumps({
    "article": article.url,
    "article_id": article.pk,
    "section": article.get_parent().url,
    "tag": "/tags/%s/" % article.tags.first().slug,
    "author": "/authors/%s/" % article.article_authors.first().author.slug,
    "picture": KronikaImage.objects.first().get_rendition("fill-160x90").url,
    "document": document.url,
}))
"""


def production_paper(data_dir: Path) -> tuple[dict[str, str], dict, str]:
    """The demo paper in `data_dir` with production settings: the environment, its
    URLs (with a document) and the admin's password."""
    env = {
        **environment_without_settings(),
        "DJANGO_SETTINGS_MODULE": "kronika.settings",
        "KRONIKA_DATA_DIR": str(data_dir),
        "KRONIKA_SECRET_KEY": "a-production-secret-key-" + "x7Qp2Lm9" * 6,
        "KRONIKA_HTTPS": "true",
        # Two-factor sign-in has tests of its own; here the admin's pages must be reached.
        "KRONIKA_2FA_REQUIRED": "false",
        "KRONIKA_LOG_FORMAT": "plain",
    }
    kronika_output(env, "demo", "--no-serve", timeout=300)
    output = kronika_output(env, "shell", "--no-imports", "-c", SETUP)
    paper = json.loads(output.strip().splitlines()[-1])
    password = json.loads((data_dir / "demo-credentials.json").read_text())["admin"]
    return env, paper, password


@dataclass
class Answer:
    status: int
    headers: list[tuple[str, str]]
    body: bytes

    def header(self, name: str) -> str | None:
        values = [value for key, value in self.headers if key.lower() == name.lower()]
        return ", ".join(values) if values else None

    def cookies(self) -> list[str]:
        return [value for key, value in self.headers if key.lower() == "set-cookie"]


def fetch(port: int, path: str, method="GET", body=None, headers=None) -> Answer:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return Answer(response.status, response.getheaders(), response.read())
    finally:
        connection.close()


def stylesheet_path(page: Answer) -> str:
    """Where a page loads its stylesheet from: a hashed name under /static/."""
    return page.body.decode().split('rel="stylesheet" href="', 1)[1].split('"', 1)[0]


def cookie_jar(answer: Answer) -> dict[str, str]:
    return {
        cookie.split("=", 1)[0]: cookie.split("=", 1)[1].split(";")[0]
        for cookie in answer.cookies()
    }


def csrf_token(answer: Answer) -> str:
    return re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', answer.body).group(1).decode()


def cookie_header(jar: dict[str, str]) -> str:
    return "; ".join(f"{name}={value}" for name, value in jar.items())


def sign_in(port: int, password: str, origin: str, headers=None) -> tuple[Answer, dict[str, str]]:
    """The paper's administrator signs in through the admin's form: the answer, and the cookies."""
    login = fetch(port, "/admin/login/", headers=headers)
    jar = cookie_jar(login)
    answer = fetch(
        port,
        "/admin/login/",
        method="POST",
        body=urlencode(
            {"username": "admin", "password": password, "csrfmiddlewaretoken": csrf_token(login)}
        ),
        headers={
            **(headers or {}),
            "Content-Type": "application/x-www-form-urlencoded",
            "Origin": origin,
            "Cookie": cookie_header(jar),
        },
    )
    jar.update(cookie_jar(answer))
    return answer, jar


def policy(header: str) -> dict[str, list[str]]:
    directives = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0].lower()] = words[1:]
    return directives


def cookie_problems(set_cookie: str) -> list[str]:
    name = set_cookie.split("=", 1)[0].strip()
    attributes = {
        part.split("=", 1)[0].strip().lower(): part.partition("=")[2].strip()
        for part in set_cookie.split(";")[1:]
    }
    problems = [
        f"cookie {name} is not {flag}" for flag in ("secure", "httponly") if flag not in attributes
    ]
    if attributes.get("samesite", "").lower() not in ("lax", "strict"):
        problems.append(f"cookie {name} has no SameSite=Lax or Strict")
    if name.endswith(("sessionid", "csrftoken")):
        if not name.startswith("__Host-"):
            problems.append(f"cookie {name} lacks the __Host- prefix")
        if attributes.get("path") != "/" or "domain" in attributes:
            problems.append(f"cookie {name} must be for Path=/ without a Domain")
    return problems


def policy_problems(answer: Answer, signed_in: bool) -> list[str]:
    header = answer.header("Content-Security-Policy")
    if header is None:
        return ["no Content-Security-Policy"]
    directives = policy(header)
    found = [
        f"CSP lacks {name} 'none'"
        for name in ("object-src", "base-uri", "frame-ancestors")
        if directives.get(name) != ["'none'"]
    ]
    if "default-src" not in directives:
        found.append("CSP has no default-src")
    if (answer.header("Content-Type") or "").startswith("text/html") and (
        "form-action" not in directives
    ):
        found.append("CSP has no form-action")
    allowed = {"'self'", "'none'"} | (NEWSROOM_ONLY if signed_in else set())
    for name, sources in directives.items():
        if name.endswith("-src"):
            found += [
                f"CSP allows {source} in {name}" for source in sources if source not in allowed
            ]
    return found


def header_problems(answer: Answer, signed_in: bool = False) -> list[str]:
    """Everything the security headers of a response from the app get wrong."""
    found = []
    hsts = re.search(r"max-age=(\d+)", answer.header("Strict-Transport-Security") or "")
    if not hsts or int(hsts.group(1)) < YEAR:
        found.append(f"HSTS shorter than a year: {answer.header('Strict-Transport-Security')}")
    if answer.header("X-Content-Type-Options") != "nosniff":
        found.append("no X-Content-Type-Options: nosniff")
    if answer.header("Referrer-Policy") not in SAFE_REFERRER_POLICIES:
        found.append(f"Referrer-Policy is {answer.header('Referrer-Policy')}")
    if answer.header("X-Frame-Options") != "DENY":
        found.append(f"X-Frame-Options is {answer.header('X-Frame-Options')}")
    permissions = answer.header("Permissions-Policy") or ""
    found += [
        f"Permissions-Policy does not deny {feature}"
        for feature in DENIED_FEATURES
        if f"{feature}=()" not in permissions
    ]
    server = answer.header("Server") or ""
    if re.search(r"\d", server):
        found.append(f"the Server header names a version: {server}")
    found += policy_problems(answer, signed_in)
    for set_cookie in answer.cookies():
        found += cookie_problems(set_cookie)
    return found
