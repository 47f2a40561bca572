"""Mail not going out: what waits after a failed attempt, or was given up on, and why.

Shown only while there is some, to those who may see the outbox (Editors, and
administrators): a refused login or a server that cannot be reached is told
once, in the server's own words, instead of every reader's confirmation or
every editor's password reset silently going nowhere.
"""

from django.template.defaultfilters import truncatechars

from kronika.mail.models import OutgoingMail
from kronika.news.dashboard import DashboardPanel, Item

VIEW_OUTBOX = "mail.view_outgoingmail"


class MailTroublePanel(DashboardPanel):
    name = "mail_not_going_out"
    heading = "Mail not going out"
    order = 75
    empty = "All mail has gone out."

    def is_shown(self):
        return self.user.has_perm(VIEW_OUTBOX) and OutgoingMail.objects.troubled().exists()

    def rows(self):
        return OutgoingMail.objects.troubled().order_by("-queued_at", "-pk")

    def item(self, mail):
        state = "Given up" if mail.state == OutgoingMail.State.FAILED else "Waiting"
        return Item(
            title=f"{mail.purpose.capitalize()} to {mail.recipient}",
            url="",
            note=f"{state} after {attempts(mail.attempts)}: {truncatechars(mail.error, 300)}",
            when=mail.queued_at,
        )


def attempts(count: int) -> str:
    return f"{count} attempt" if count == 1 else f"{count} attempts"


def add_panel(request, panels):
    panels.append(MailTroublePanel(request))
