"""Figures: per chart, data (dataset, view state, boundaries) -> frozen chart data, and pure
functions of that data for the Plotly spec, the table and the alt text (`figures.charts`).

Sentences are composed in one module (`figures.sentences`); the same chart data serves the
page, the export and the embed.
"""
