app_name = "moderation"

# Each area of moderation has its own module of views and URLs (views/<area>.py).
urlpatterns: list = []
