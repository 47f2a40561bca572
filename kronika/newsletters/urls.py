from django.urls import path

from kronika.newsletters import views

app_name = "newsletters"

urlpatterns = [
    path("newsletter/subscribe/", views.subscribe, name="subscribe"),
    path("newsletter/check-your-inbox/", views.check_inbox, name="check_inbox"),
    path("newsletter/confirm/<str:token>/", views.confirm, name="confirm"),
]
