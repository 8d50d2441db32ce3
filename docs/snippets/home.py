"""Home page: the sigmoid derivative, derived by SymPy while the site builds."""

import sympy


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
        "$$\n"
        f"\\sigma(z) = {sympy.latex(closed_form)}, \\qquad "
        f"{lhs} = {sympy.latex(derivative)} = {sympy.latex(factored)}\n"
        "$$"
    )


def sigmoid_derivative_at_zero() -> str:
    """Inline math: the derivative's exact value at z = 0 (its maximum)."""
    z = sympy.Symbol("z")
    derivative = sympy.diff(1 / (1 + sympy.exp(-z)), z)
    return f"\\(\\sigma'(0) = {sympy.latex(sympy.nsimplify(derivative.subs(z, 0)))}\\)"
