from django.urls import path

from kronika.comments import views

app_name = "comments"

urlpatterns = [
    path("comments/<int:article_id>/", views.post_comment, name="post"),
    path("comments/reply/<int:comment_id>/", views.reply_form, name="reply"),
]
