from django.urls import path

from mindwell.qa import views

app_name = "qa"

urlpatterns = [
    path("", views.question_list, name="home"),
]
