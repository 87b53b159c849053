"""Uploads and media: images of allowed types and sizes only, documents always downloaded, and only
image files served from the media folder."""

import io
import os

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model

from articles.models import ClinicImage
from tests import factories

pytestmark = pytest.mark.django_db

SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.cookie)</script><rect width='10' height='10'/></svg>"
)


def png(size=(64, 48), noise=False):
    if noise:
        image = PILImage.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3))
    else:
        image = PILImage.new("RGB", size, (40, 120, 120))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=1)
    return buffer.getvalue()


@pytest.fixture
def editor_client(client):
    factories.sign_in(client, factories.make_user("editor-uploads", group="Editors"))
    return client


def upload(client, name, content, content_type):
    return client.post(
        "/admin/images/add/",
        {
            "title": name,
            "description": "A test picture",
            "file": SimpleUploadedFile(name, content, content_type=content_type),
            "collection": "1",
        },
    )


def file_error(response):
    return " ".join(str(error) for error in response.context["form"].errors.get("file", []))


def test_a_png_is_accepted(editor_client):
    response = upload(editor_client, "room.png", png(), "image/png")
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    assert ClinicImage.objects.filter(title="room.png").exists()


def test_svg_is_refused(editor_client):
    response = upload(editor_client, "logo.svg", SVG, "image/svg+xml")
    assert response.status_code == 200
    assert "Not a supported image format" in file_error(response)
    assert not ClinicImage.objects.exists()
    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS


def test_svg_renamed_to_png_is_refused(editor_client):
    response = upload(editor_client, "logo.png", SVG, "image/png")
    assert response.status_code == 200
    assert file_error(response)
    assert not ClinicImage.objects.exists()


def test_an_oversized_file_is_refused(editor_client):
    content = png(size=(2000, 1800), noise=True)  # random pixels do not compress: about 10.8 MB
    assert len(content) > settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    response = upload(editor_client, "huge.png", content, "image/png")
    assert response.status_code == 200
    assert "too big" in file_error(response)
    assert not ClinicImage.objects.exists()


def test_an_image_with_too_many_pixels_is_refused(editor_client):
    content = png(size=(8000, 5001))  # one colour: a small file, but 40 million pixels to decode
    assert len(content) < settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    response = upload(editor_client, "bomb.png", content, "image/png")
    assert response.status_code == 200
    assert "too many pixels" in file_error(response)
    assert not ClinicImage.objects.exists()


@pytest.mark.parametrize(
    ("filename", "content_type"), [("aftercare.pdf", "application/pdf"), ("notes.txt", "text/plain")]
)
def test_documents_are_downloaded_never_shown_inline(client, filename, content_type):
    document = get_document_model().objects.create(
        title="Aftercare",
        file=ContentFile(b"%PDF-1.4 leaflet" if filename.endswith("pdf") else b"Notes", name=filename),
    )
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Type"] == content_type
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"
    b"".join(response.streaming_content)


def test_documents_are_not_served_from_the_media_folder(client):
    document = get_document_model().objects.create(
        title="Leaflet", file=ContentFile(b"%PDF-1.4", name="leaflet.pdf")
    )
    assert client.get(settings.MEDIA_URL + document.file.name).status_code == 404


def test_images_and_renditions_are_served_from_the_media_folder(client):
    image = factories.make_image(title="served")
    rendition = image.get_rendition("fill-100x100")
    for name in (image.file.name, rendition.file.name):
        response = client.get(settings.MEDIA_URL + name)
        assert response.status_code == 200, name
        assert response["Content-Type"].startswith("image/")
        assert response["X-Content-Type-Options"] == "nosniff"
        assert "max-age=86400" in response["Cache-Control"]
        b"".join(response.streaming_content)


@pytest.mark.parametrize(
    "path",
    [
        "original_images/../documents/leaflet.pdf",
        "original_images/%2e%2e/documents/leaflet.pdf",
        "images/..%2F..%2Fsettings.py",
        "original_images/notes.txt",
        "original_images/.hidden.png",
        "original_images/",
        "documents/leaflet.png",
        "images/sub/dir.png",
        "images\\..\\documents\\leaflet.pdf",
    ],
)
def test_nothing_but_image_files_in_the_image_folders_is_served(client, path):
    get_document_model().objects.create(title="Leaflet", file=ContentFile(b"%PDF-1.4", name="leaflet.pdf"))
    (settings.MEDIA_ROOT / "original_images").mkdir(parents=True, exist_ok=True)
    (settings.MEDIA_ROOT / "original_images" / "notes.txt").write_text("not an image")
    assert client.get(settings.MEDIA_URL + path).status_code == 404
