"""Texts of signing in and out: the sign-in page, its errors, the end of a session and the
account bar in the page header."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "auth_title": {"sv": "Logga in", "en": "Sign in"},
    "auth_intro": {
        "sv": "Inloggning behövs bara för den som lägger till eller publicerar data. "
              "Instrumentpanelen är öppen för alla att läsa utan konto.",
        "en": "Signing in is only needed to add or publish data. Everyone may read the "
              "dashboard without an account.",
    },
    "auth_name": {"sv": "Användarnamn", "en": "User name"},
    "auth_password": {"sv": "Lösenord", "en": "Password"},
    "auth_submit": {"sv": "Logga in", "en": "Sign in"},
    "auth_missing": {"sv": "Fyll i både användarnamn och lösenord.",
                     "en": "Fill in both the user name and the password."},
    "auth_wrong": {
        "sv": "Fel användarnamn eller lösenord. Efter {n} misslyckade försök i rad pausas "
              "inloggningen för kontot i {minutes} minuter.",
        "en": "Wrong user name or password. After {n} failed attempts in a row, signing in "
              "to the account is paused for {minutes} minutes.",
    },
    "auth_limited": {
        "sv": "För många inloggningsförsök från din adress. Vänta en stund och försök igen.",
        "en": "Too many sign-in attempts from your address. Wait a while and try again.",
    },
    "auth_ended": {
        "sv": "Din session har upphört. Logga in igen för att fortsätta lägga till data.",
        "en": "Your session has ended. Sign in again to go on adding data.",
    },
    "auth_csrf": {
        "sv": "Formuläret kunde inte kontrolleras (det kan vara för gammalt eller komma från "
              "en annan webbplats). Inget har ändrats. Ladda om sidan och försök igen.",
        "en": "The form could not be verified (it may be too old or come from another "
              "site). Nothing was changed. Reload the page and try again.",
    },
    "auth_or": {"sv": "eller", "en": "or"},
    "auth_oidc": {"sv": "Logga in med organisationens konto",
                  "en": "Sign in with your organisation's account"},
    "auth_oidc_unknown": {
        "sv": "Ditt organisationskonto är inte kopplat till något konto här. Be en "
              "administratör att lägga till dig.",
        "en": "Your organisation's account is not linked to an account here. Ask an "
              "administrator to add you.",
    },
    "auth_oidc_failed": {
        "sv": "Inloggningen via organisationens konto kunde inte slutföras. Försök igen.",
        "en": "Signing in with your organisation's account could not be completed. Try "
              "again.",
    },
    "auth_oidc_off": {"sv": "Inloggning via organisationens konto är inte påslagen här.",
                      "en": "Signing in with an organisation's account is not set up here."},
    "auth_signed_out": {"sv": "Du är utloggad.", "en": "You are signed out."},
    "auth_back": {"sv": "Tillbaka till instrumentpanelen", "en": "Back to the dashboard"},
    "auth_other_language": {"sv": "In English", "en": "På svenska"},
    "auth_signed_in_as": {"sv": "Inloggad som {name} ({role}, {organisation})",
                          "en": "Signed in as {name} ({role}, {organisation})"},
    "auth_sign_out": {"sv": "Logga ut", "en": "Sign out"},
    "auth_sign_in_again": {"sv": "Logga in igen", "en": "Sign in again"},
    "role_contributor": {"sv": "bidragsgivare", "en": "contributor"},
    "role_publisher": {"sv": "utgivare", "en": "publisher"},
    "role_admin": {"sv": "administratör", "en": "administrator"},
}
