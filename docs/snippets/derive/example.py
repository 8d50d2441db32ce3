from nnref import Network, derive

# 2 inputs, 3 hidden neurons (tanh), 3 outputs (sigmoid), biases; mse = (1/K) Σ (t - o)²
net = Network(sizes=(2, 3, 3), activation=("tanh", "sigmoid"), loss="mse", bias=True)
x = ["0.5", "-0.3"]
target = [1, 0, 0]
weights = [
    "0.1", "-0.2", "0.4", "0.3", "-0.5", "0.2",  # w1..w6: input -> hidden
    "0.3", "-0.1", "0.5", "-0.4", "0.6", "0.2",  # w7..w15: hidden -> output
    "0.7", "0.1", "-0.3",
]
biases = ["0.1", "-0.1", "0.05", "0", "0.2", "-0.2"]  # b1..b3 hidden, b4..b6 output

tr = derive(net, x=x, target=target, weights=weights, biases=biases,
            learning_rate="0.5")
print(" ".join(net.parameters))
print(tr)
