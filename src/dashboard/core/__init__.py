"""Core vocabulary shared by every layer: table schemas, units, languages, view state."""
