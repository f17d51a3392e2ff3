"""``python -m roo``: the ``roo`` command (see :mod:`roo.cli`)."""

from roo.cli import main

raise SystemExit(main())
