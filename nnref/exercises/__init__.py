"""Exercises with derived answer keys: seeded problems for every chapter, solved by the engines.

Each chapter's skills (:data:`CHAPTERS`) make problems with short decimals a student can work
by hand. The answer is the engines' exact value rounded half up to the decimals the question
states; the solution is the derivation the chapters show (:mod:`nnref.render`); the values of
the problem's other quantities, at the same decimals, let a checker say whose number a wrong
answer is ("this is dE/dw1"), as :meth:`nnref.symbolic.Trace.check` does.

>>> ex, = generate("backprop", count=1, seed=0, lang="en")
>>> ex.ask, ex.places, ex.data["sizes"]  # doctest: +ELLIPSIS
('...', 4, '...')

``nnref exercises`` writes problem sheets and answer keys (:mod:`nnref.exercises.sheet`); the
chapter pages show three exercises each (:mod:`nnref.exercises.page`).
"""

from nnref.exercises.chapters import CHAPTERS, check_chapter, generate
from nnref.exercises.model import Exercise, Other

__all__ = ["CHAPTERS", "Exercise", "Other", "check_chapter", "generate"]
