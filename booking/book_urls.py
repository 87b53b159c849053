"""Online booking, under /book/ (never served from the page cache: see PAGE_CACHE_SKIP_PATHS)."""

from django.urls import path

from booking import book_views, manage_views, waitlist_views

app_name = "book"

urlpatterns = [
    path("", book_views.choose_visit, name="start"),
    path("times/", book_views.choose_time, name="times"),
    path("details/", book_views.details, name="details"),
    path("confirmed/<uuid:uid>/", book_views.confirmed, name="confirmed"),
    path("confirmed/<uuid:uid>/appointment.ics", book_views.calendar_file, name="calendar_file"),
    path("manage/<str:token>/", manage_views.show, name="manage"),
    path("manage/<str:token>/appointment.ics", manage_views.calendar_file, name="manage_calendar"),
    path("manage/<str:token>/cancel/", manage_views.cancel, name="manage_cancel"),
    path("manage/<str:token>/move/", manage_views.move, name="manage_move"),
    path("waitlist/", waitlist_views.join, name="waitlist"),
    path("waitlist/thank-you/", waitlist_views.joined, name="waitlist_joined"),
    path("waitlist/leave/<str:token>/", waitlist_views.leave, name="waitlist_leave"),
    path("waitlist/offer/<str:token>/", waitlist_views.claim, name="waitlist_claim"),
]
