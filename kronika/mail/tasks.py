from django_tasks import task

from kronika.mail import outbox


@task()
def send_outgoing_mail(mail_id: int) -> None:
    """Send one mail of the outbox, or leave it for its next attempt (kronika.mail.outbox)."""
    outbox.send(mail_id)
