"""The sign-in page and the short pages that answer a refused request, rendered on the
server as plain HTML (every value escaped) with the site's style sheet.

Accessibility (WCAG 2.1 AA): the page has its language and a title; fields have visible
labels and `autocomplete` tokens (1.3.5); an error is announced (`role="alert"`) and linked
to the fields with `aria-describedby` (3.3.1); the order of focus is the order of reading;
nothing is wider than a 320 px screen (1.4.10).
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import Response
from markupsafe import Markup, escape

from dashboard.core.texts import t

STYLE_SHEET = "/assets/style.css"
# Only what the site's style sheet has no rule for: the form's fields and buttons.
PAGE_STYLE = """
.auth-main { max-width: 32rem; }
.auth-form .control { margin: 0 0 14px; }
.auth-form input { box-sizing: border-box; width: 100%; max-width: 100%; font: inherit;
  padding: 8px; border: 1px solid #6b7280; border-radius: 4px; }
.auth-button { font: inherit; padding: 8px 16px; border-radius: 4px; border: 1px solid
  var(--accent); background: var(--accent); color: #fff; cursor: pointer; min-height: 44px; }
.auth-link-button { display: inline-block; padding: 8px 16px; border: 1px solid var(--accent);
  border-radius: 4px; min-height: 24px; }
.auth-error { background: #fdecea; border-left: 4px solid #b91c1c; padding: 8px 12px; }
"""


@dataclass(frozen=True)
class LoginForm:
    """What the sign-in page shows besides its fields."""

    csrf_token: str
    name: str = ""
    error: str | None = None
    notice: str | None = None
    next_path: str = ""
    oidc: bool = False


def _page(lang: str, title: str, body: Markup) -> str:
    other = "en" if lang == "sv" else "sv"
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)} – {escape(t('app_title', lang))}</title>\n"
        f'<link rel="stylesheet" href="{STYLE_SHEET}">\n<style>{PAGE_STYLE}</style>\n'
        '</head>\n<body>\n<div class="page">\n<header class="site-header">\n'
        f'<p class="site-name"><a href="/?lang={escape(lang)}">{escape(t("app_title", lang))}'
        "</a></p>\n"
        f'<a class="lang-toggle" href="/login?lang={other}" lang="{other}" hreflang="{other}">'
        f"{escape(t('auth_other_language', lang))}</a>\n</header>\n"
        f'<main id="main" class="auth-main">\n<h1 class="view-heading">{escape(title)}</h1>\n'
        f"{body}</main>\n</div>\n</body>\n</html>\n"
    )


def login_page(lang: str, form: LoginForm) -> str:
    """The sign-in form in `lang`; an error is announced and tied to both fields."""
    parts = [Markup("<p>{}</p>\n").format(t("auth_intro", lang))]
    if form.notice:
        parts.append(Markup('<p class="notice" role="status">{}</p>\n').format(form.notice))
    described = ""
    invalid = ""
    if form.error:
        parts.append(Markup('<p id="login-error" class="auth-error" role="alert">{}</p>\n')
                     .format(form.error))
        described = ' aria-describedby="login-error"'
        invalid = ' aria-invalid="true"'
    parts.append(Markup(
        '<form method="post" action="/login" class="card auth-form">\n'
        '<input type="hidden" name="csrf_token" value="{token}">\n'
        '<input type="hidden" name="lang" value="{lang}">\n'
        '<input type="hidden" name="next" value="{next}">\n'
        '<div class="control"><label for="login-name">{name_label}</label>\n'
        '<input id="login-name" name="name" type="text" autocomplete="username" '
        'autocapitalize="none" spellcheck="false" required value="{name}"'
        + described + invalid + '></div>\n'
        '<div class="control"><label for="login-password">{password_label}</label>\n'
        '<input id="login-password" name="password" type="password" '
        'autocomplete="current-password" required' + described + invalid + '></div>\n'
        '<button type="submit" class="auth-button">{submit}</button>\n</form>\n'
    ).format(token=form.csrf_token, lang=lang, next=form.next_path,
             name_label=t("auth_name", lang), name=form.name,
             password_label=t("auth_password", lang), submit=t("auth_submit", lang)))
    if form.oidc:
        parts.append(Markup(
            '<p>{or_}</p>\n<p><a class="auth-link-button" href="/login/oidc?lang={lang}">'
            "{label}</a></p>\n").format(or_=t("auth_or", lang), lang=lang,
                                        label=t("auth_oidc", lang)))
    parts.append(Markup('<p><a href="/?lang={lang}">{back}</a></p>\n')
                 .format(lang=lang, back=t("auth_back", lang)))
    return _page(lang, t("auth_title", lang), Markup("").join(parts))


def message_page(lang: str, message: str, status: int, *, sign_in_link: bool = True) -> Response:
    """A short page that says why a request was refused, with the way on."""
    body = Markup('<p class="auth-error" role="alert">{}</p>\n').format(message)
    if sign_in_link:
        body += Markup('<p><a href="/login?lang={lang}">{label}</a></p>\n').format(
            lang=lang, label=t("auth_title", lang))
    body += Markup('<p><a href="/?lang={lang}">{back}</a></p>\n').format(
        lang=lang, back=t("auth_back", lang))
    return Response(_page(lang, t("auth_title", lang), body), status=status,
                    content_type="text/html; charset=utf-8")
