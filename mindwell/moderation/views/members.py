"""Moderation pages: members."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
