from nnref import Network

net = Network(sizes=(2, 2, 2), activation="sigmoid", loss="sse", bias=False)
print(net.parameters)
