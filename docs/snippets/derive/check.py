# a hand computation of two gradients, one of them taken for another weight's by mistake
answers = {"dE/dw5": tr.decimal("dE/dw5", 6), "dE/dw2": tr.decimal("dE/dw1", 6)}
for result in tr.check(answers):
    print(result.name, result.given, "right" if result.correct else "wrong",
          "expected", result.expected, "matches", ", ".join(result.matches))
