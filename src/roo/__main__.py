"""``python -m roo``: the ``roo`` command (see :mod:`roo.cli`)."""

from .cli import main

raise SystemExit(main())
