from loaders.header.references import parse_references as parse_references
