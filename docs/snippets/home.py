"""Home page: the sigmoid derivative, derived by SymPy while the site builds; the agreement rule."""

import math

import sympy

from nnref.verify import CENTRAL_TOLERANCE, NUMPY_TOLERANCE

# The page includes words.py (its words in both languages) before this file.
page_text = page_text  # noqa: F821


def sigmoid_derivative_markdown() -> str:
    """Display math: d/dz sigma(z) as SymPy differentiates it, then as sigma(z)(1 - sigma(z)).

    The second form is not typed in: it is SymPy's derivative rewritten with sigma, and the
    block refuses to print it unless the two expressions are equal.
    """
    z = sympy.Symbol("z")
    sigma = sympy.Function("sigma")
    closed_form = 1 / (1 + sympy.exp(-z))
    derivative = sympy.diff(closed_form, z)
    factored = sigma(z) * (1 - sigma(z))
    if sympy.simplify(derivative - factored.subs(sigma(z), closed_form)) != 0:
        raise ValueError(f"sigma'(z) = {derivative} is not sigma(z)(1 - sigma(z))")
    lhs = sympy.latex(sympy.Derivative(sigma(z), z))
    return (
        "$$\n\\begin{aligned}\n"
        f"\\sigma(z) &= {sympy.latex(closed_form)} \\\\\n"
        f"{lhs} &= {sympy.latex(derivative)} \\\\\n"
        # Printed in the textbook's order, sigma(z)(1 - sigma(z)), as the other chapters write it.
        f"&= {sympy.latex(sympy.Mul(sigma(z), 1 - sigma(z), evaluate=False), order='none')}\n"
        "\\end{aligned}\n$$"
    )


def sigmoid_derivative_at_zero() -> str:
    """Inline math: the derivative's exact value at z = 0 (its maximum)."""
    z = sympy.Symbol("z")
    derivative = sympy.diff(1 / (1 + sympy.exp(-z)), z)
    return f"\\(\\sigma'(0) = {sympy.latex(sympy.nsimplify(derivative.subs(z, 0)))}\\)"


def _power_of_ten(value: float) -> str:
    """1e-12 as LaTeX 10^{-12} (the tolerances are exact powers of ten)."""
    exponent = round(math.log10(value))
    if 10.0**exponent != value:
        raise ValueError(f"{value} is not a power of ten")
    return f"10^{{{exponent}}}"


def agreement_markdown(lang: str) -> str:
    """The tolerances nnref.verify applies, as a two-item list (numbers from the module, not typed)."""
    numpy_tol, central_tol = _power_of_ten(NUMPY_TOLERANCE), _power_of_ten(CENTRAL_TOLERANCE)
    return page_text("home_agreement", lang, numpy=numpy_tol, central=central_tol)
