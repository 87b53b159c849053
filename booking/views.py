from django.http import HttpResponse


def request_consultation(request):
    """Placeholder until the booking form lands."""
    return HttpResponse("Consultation requests are coming soon.")
