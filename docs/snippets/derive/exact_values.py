import sympy

h1 = tr.node("h1").value        # the exact value of h1: a SymPy number standing for the node
print(h1)                       # printed by name, like SymPy's pi
print(sympy.N(h1, 30))          # its digits, to any precision
print(float(h1))                # the float64 nearest to it
print(h1.doit())                # the closed form, written out
print(h1 > 0.5, tr.gradient["w1"] < 0)  # comparisons are decided exactly
print(tr.decimal("dE/dw1", 12))  # rounded half up, the way the pages show values
