from django.urls import path

from kronika.news import views

app_name = "news"

urlpatterns = [
    path("authors/<str:slug>/", views.author_detail, name="author"),
    path("tags/<str:slug>/", views.tag_detail, name="tag"),
]
