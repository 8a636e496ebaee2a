from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict[str, str]:
    # brand_name too, for the site shell: Django's auth views put their own site_name (the
    # request's host name) into the context of the log-in and password pages.
    return {"site_name": settings.SITE_NAME, "brand_name": settings.SITE_NAME}
