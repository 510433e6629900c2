"""Figures: pure builders (dataset, view state, language) -> Plotly figure or text.

The same builder serves the page, the export and the embed.
"""
