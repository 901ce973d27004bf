"""cablegraph: a relationship knowledge graph service over diplomatic cables."""
