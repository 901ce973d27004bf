"""The GraphQL schema, code first: node types wrapping the domain model
(:mod:`api.schema.nodes`, :mod:`api.schema.entities`), the root types
(:mod:`api.schema.query`, :mod:`api.schema.mutation`), assembled by
:func:`api.schema.build.build_schema`; ``python -m api.schema.export`` writes the SDL.

Kept import-free: the context module imports the DataLoaders from this package.
"""
