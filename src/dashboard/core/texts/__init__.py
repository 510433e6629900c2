"""The one catalogue of texts: every word shown to a user, in Swedish and English, by key.

The catalogue is split into modules by subject (the interface, figures, measures, units) so
that each stays readable; `TEXTS` joins them and a key may stand in one module only.
Templates use str.format fields; numbers are formatted before they are inserted
(see core.i18n), so templates never format numbers themselves.

An unknown key is shown as the key itself and raises the warning `UnknownTextKey`; the test
configuration turns that warning into an error, so a missing text fails the tests instead
of reaching a user.
"""

from __future__ import annotations

import warnings

from dashboard.core.texts import (
    accounts,
    auth,
    contrib,
    figures,
    interface,
    invest,
    measures,
    statement,
    units,
)

LANGUAGES = ("sv", "en")
DEFAULT_LANGUAGE = "sv"

MODULES = {
    "interface": interface.TEXTS,
    "figures": figures.TEXTS,
    "measures": measures.TEXTS,
    "units": units.TEXTS,
    "statement": statement.TEXTS,
    "invest": invest.TEXTS,
    "auth": auth.TEXTS,
    "contrib": contrib.TEXTS,
    "accounts": accounts.TEXTS,
}
TEXTS: dict[str, dict[str, str]] = {k: v for module in MODULES.values() for k, v in module.items()}


class UnknownTextKey(UserWarning):
    """A text was asked for by a key the catalogue does not have."""


def normalise_language(lang: str | None) -> str:
    """Return a supported language code, falling back to Swedish."""
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def t(key: str, lang: str, **fields: object) -> str:
    """The text for `key` in `lang`, with fields filled in.

    An unknown key warns with `UnknownTextKey` and gives the key itself.
    """
    entry = TEXTS.get(key)
    if entry is None:
        warnings.warn(f"no text in the catalogue for key {key!r}", UnknownTextKey, stacklevel=2)
        return key
    text = entry[normalise_language(lang)]
    return text.format(**fields) if fields else text


def decapitalise(text: str) -> str:
    """Lower-case the first letter for use inside a sentence, unless it starts an acronym."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def capitalise(text: str) -> str:
    """Upper-case the first letter only (str.capitalize would lower-case the rest)."""
    return text[:1].upper() + text[1:]
