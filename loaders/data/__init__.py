"""Reference tables shipped with the loaders (read through :mod:`loaders.header.tables`)."""
