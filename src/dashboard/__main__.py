"""`python -m dashboard` runs the `dashboard` command."""

import sys

from dashboard.cli import main

sys.exit(main())
