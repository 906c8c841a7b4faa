"""Shared by the events app's views: a service's refusal as one line of text."""

from django.core.exceptions import ValidationError


def error_text(error: ValidationError) -> str:
    return " ".join(str(message) for message in error.messages)
