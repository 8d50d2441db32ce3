"""``python -m nnref`` runs the ``nnref`` command (see :mod:`nnref.cli`)."""

from nnref.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
