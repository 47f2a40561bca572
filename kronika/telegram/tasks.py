from django_tasks import task

from kronika.telegram import outbox


@task()
def drain_channel(channel_id: int) -> None:
    """Send a channel's queued posts, edits and deletions, in order."""
    outbox.drain(channel_id)
