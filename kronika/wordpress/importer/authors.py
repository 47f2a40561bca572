"""WordPress's authors as bylines, and optionally as staff accounts."""

from django.contrib.auth import get_user_model
from django.utils.text import slugify

from kronika.news.models import Author
from kronika.wordpress import wxr
from kronika.wordpress.importer.values import fingerprint_for, valid_email
from kronika.wordpress.markup import plain
from kronika.wordpress.models import ImportedItem


class Authors:
    """Each author made once, by login, and found again by later imports."""

    def __init__(self, importer, staff_accounts: bool):
        self.importer = importer
        self.report = importer.report
        self.staff_accounts = staff_accounts
        self.by_login: dict[str, Author] = {}

    def add(self, source: wxr.Author) -> Author:
        login = source.login
        if login in self.by_login:
            return self.by_login[login]
        name = (
            plain(source.display_name)
            or " ".join(part for part in (source.first_name, source.last_name) if part)
            or login
        )[:255]
        author = self.importer.existing(ImportedItem.Kind.AUTHOR, login)
        fingerprint = fingerprint_for(name)
        outcome = "unchanged"
        if author is None:
            slug = slugify(login, allow_unicode=True) or slugify(name, allow_unicode=True)
            slug = slug or "author"
            author = Author.objects.filter(slug=slug).first()
            if author is None:
                author = Author.objects.create(name=name, slug=slug)
                outcome = "imported"
            self.importer.remember(
                ImportedItem.Kind.AUTHOR, login, author, fingerprint=fingerprint
            )
        elif self.importer.record(ImportedItem.Kind.AUTHOR, login).fingerprint != fingerprint:
            author.name = name
            author.save(update_fields=["name"])
            self.importer.remember(
                ImportedItem.Kind.AUTHOR, login, author, fingerprint=fingerprint
            )
            outcome = "updated"
        if self.staff_accounts and author.user_id is None:
            author.user = self._staff_account(source)
            author.save(update_fields=["user"])
        self.report.count("author", outcome)
        self.by_login[login] = author
        return author

    def _staff_account(self, source: wxr.Author):
        """A staff account with no usable password: its owner sets one by resetting it."""
        User = get_user_model()
        user = User.objects.filter(username=source.login[:150]).first()
        if user is None:
            user = User(
                username=source.login[:150],
                email=source.email if valid_email(source.email) else "",
                first_name=source.first_name[:150],
                last_name=source.last_name[:150],
                is_staff=True,
            )
            user.set_unusable_password()
            user.save()
        return user

    def for_login(self, login: str) -> Author:
        if login not in self.by_login:
            return self.add(wxr.Author(login=login or "unknown"))
        return self.by_login[login]
