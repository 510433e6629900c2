"""Table alternatives: the numbers behind the map and the bars, in the chosen language."""

from __future__ import annotations

from dashboard.core.texts import t
from dashboard.figures import sentences
from dashboard.figures.values import ValuesData


def values_table(data: ValuesData) -> tuple[list[str], list[list[str]]]:
    """Header and rows (rank, area, value, CI, flag, note, source), best first."""
    lang, labels = data.lang, data.labels
    header = [t("rank", lang), t("area", lang), f"{t('value', lang)} ({labels.unit})",
              t("ci", lang), t("flagged", lang), t("note", lang), t("source", lang)]
    order = sorted(data.values, key=lambda v: (v.rank is None, v.rank or 0, v.name))
    rows = [["" if v.rank is None else str(v.rank), v.name, labels.shown(v.value, v.band),
             f"{labels.number(v.ci_low)}–{labels.number(v.ci_high)}"
             f"{sentences.ci_method_note(v.ci_method, lang)}" if v.has_ci else "",
             v.flag_text, v.note, v.source_url] for v in order]
    return header, rows
