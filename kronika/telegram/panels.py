from wagtail.admin.panels import Panel


class TelegramStatusPanel(Panel):
    """Where the article stands in each Telegram channel, and what its post says.

    With Send now and Resend; the post's text is read from the latest revision.
    """

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "heading": self.heading or "Telegram"}

    class BoundPanel(Panel.BoundPanel):
        template_name = "telegram/status_panel.html"

        def is_shown(self):
            return bool(self.instance.pk)

        def get_context_data(self, parent_context=None):
            from kronika.telegram.models import Post
            from kronika.telegram.previews import previews

            context = super().get_context_data(parent_context)
            context["posts"] = list(
                Post.objects.filter(article_id=self.instance.pk).select_related("channel")
            )
            context["previews"] = previews(self.instance)
            context["can_act"] = self.instance.permissions_for_user(
                self.request.user
            ).can_publish()
            return context
