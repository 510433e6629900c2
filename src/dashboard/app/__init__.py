"""App: the Dash layout and thin callbacks (parse view state, call store/figures, return)."""
