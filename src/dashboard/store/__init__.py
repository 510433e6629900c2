"""Store: validated tidy tables on disk (Parquet, or the project's tidy CSV) and queries on them."""
