"""``python -m cardiotwin`` is the ``cardiotwin`` command."""

from cardiotwin.cli import main

raise SystemExit(main())
