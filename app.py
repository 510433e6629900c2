"""WSGI entry point: `app` is the Dash app on the configured data, `server` its Flask server.

Run with `dashboard serve`, or any WSGI server: `gunicorn app:server`.
"""

from dashboard.app.factory import app_from_settings

app = app_from_settings()
server = app.server
