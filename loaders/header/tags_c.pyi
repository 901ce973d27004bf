from loaders.header.tags import parse_tags as parse_tags
