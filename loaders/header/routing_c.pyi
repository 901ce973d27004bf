from loaders.header.routing import read_routing as read_routing
