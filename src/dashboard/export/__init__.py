"""Export: the charts and their numbers as files to keep, cite and embed.

Figures (PNG, SVG, PDF) are rendered by a persistent headless Chromium through kaleido;
data go out as CSV and XLSX; a bundle zips them with a README holding the citation;
an embed is a standalone HTML page. Everything starts from `figures.charts.build_chart`,
so an exported chart is the chart on the page.
"""
