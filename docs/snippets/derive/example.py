from nnref import Network, derive

# 2 inputs, 3 hidden neurons (tanh), 3 outputs (sigmoid), with biases;
# the loss is mse = (1/K) Σ (t - o)² over the K = 3 outputs
net = Network(sizes=(2, 3, 3), activation=("tanh", "sigmoid"),
              loss="mse", bias=True)
x = ["0.5", "-0.3"]
target = [1, 0, 0]
weights = [
    "0.1", "-0.2", "0.4", "0.3", "-0.5", "0.2",  # w1..w6
    "0.3", "-0.1", "0.5", "-0.4", "0.6", "0.2",  # w7..w12
    "0.7", "0.1", "-0.3",                        # w13..w15
]
biases = ["0.1", "-0.1", "0.05", "0", "0.2", "-0.2"]  # b1..b6

tr = derive(net, x=x, target=target, weights=weights,
            biases=biases, learning_rate="0.5")
print(" ".join(net.parameters))
print(tr)
