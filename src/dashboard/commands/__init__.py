"""Command-line subcommands, one module each, registered by `dashboard.cli`."""
