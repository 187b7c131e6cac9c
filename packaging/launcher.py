"""Entry point PyInstaller freezes: the same `main()` as the `cqp-desktop` command."""

from cqp_desktop.cli import main

raise SystemExit(main())
