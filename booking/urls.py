from django.urls import path

from booking import views

app_name = "booking"

urlpatterns = [
    path("", views.request_consultation, name="request"),
    path("thank-you/", views.thank_you, name="thank_you"),
]
