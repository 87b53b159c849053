"""Error pages in the site's look (the 500 page renders without a database or request context), and the
stylesheet with the clinic's brand colours."""

from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.utils.cache import patch_cache_control

from clinic_site import brand
from clinic_site.models import ClinicSettings


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    return HttpResponseServerError(loader.get_template("500.html").render())


def brand_css(request):
    """The clinic's primary and accent colours (Settings › Clinic details) as CSS custom properties.

    The URL carries a hash of the colours (``?v=``), so the answer to the current hash is kept for a year
    by browsers and proxies; an old hash gets the current colours, kept only for a minute."""
    clinic = ClinicSettings.for_request(request)
    response = HttpResponse(
        brand.stylesheet(clinic.primary_colour, clinic.accent_colour), content_type="text/css"
    )
    if request.GET.get("v") == brand.version(clinic.primary_colour, clinic.accent_colour):
        patch_cache_control(response, public=True, max_age=365 * 24 * 3600, immutable=True)
    else:
        patch_cache_control(response, public=True, max_age=60)
    return response
