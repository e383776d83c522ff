"""`python -m tawasul` is the `tawasul` command, for environments without its script on PATH."""

from tawasul.cli import main

raise SystemExit(main())
