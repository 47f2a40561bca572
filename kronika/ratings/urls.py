from django.urls import path

from kronika.ratings import views

app_name = "ratings"

urlpatterns = [path("ratings/<int:article_id>/", views.rate, name="rate")]
