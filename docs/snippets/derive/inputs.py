from fractions import Fraction

from nnref import Network, derive

tiny = Network(sizes=(1, 1), activation="identity", loss="sse")
for value in ["0.1", "1/3", "2.5e-3", Fraction(2, 7), 3, 0.1]:
    trace = derive(tiny, x=[value], target=[0], weights=[1])
    print(f"{value!r:>18} -> {trace.x[0]}")

for value in ["exp(1)", "1/0", "__import__('os')"]:
    try:
        derive(tiny, x=[value], target=[0], weights=[1])
    except ValueError as error:
        print(f"ValueError: {error}")
