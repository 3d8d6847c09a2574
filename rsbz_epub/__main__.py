"""``python -m rsbz_epub``: the same as the ``rsbz-epub`` command."""

from rsbz_epub.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
