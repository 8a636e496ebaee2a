"""Search and discovery: the full-text index and its query language, similar and related
questions, feeds. It listens to what qa and moderation announce; nothing below imports it."""
