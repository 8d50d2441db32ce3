"""The float64 NumPy engine: activations and losses, the MLP, training, gradient checking, data."""
