"""Allows `python -m cqp_desktop`."""

from cqp_desktop.cli import main

raise SystemExit(main())
