"""``python -m demo.content``: print word counts and check every cross-reference."""

from demo.content.checks import main

raise SystemExit(main())
