"""Slow work off the request: the queue (``queue``) and the jobs it runs (``tasks``)."""
