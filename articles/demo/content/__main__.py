"""``python -m articles.demo.content``: print word counts and check every cross-reference."""

from articles.demo.content.checks import main

raise SystemExit(main())
