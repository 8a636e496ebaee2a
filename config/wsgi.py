import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

from mindwell.core.pagecache import PageCacheApp

# Anonymous reads of cached pages are answered in front of Django (decision 0004).
application = PageCacheApp(get_wsgi_application())
