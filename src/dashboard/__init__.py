"""Malmö health-gap dashboard: health inequality between Malmö's districts and groups.

Layers, lowest first (a module may import only its own layer or lower ones):
core -> ingest -> store -> measures/stats -> figures -> app; `cli` and
`commands` sit on top and may use every layer.
"""

__version__ = "0.1.0"
