"""Readers: bytes of one container format (Cablegate page, text export, cables.csv)
reduced to :class:`loaders.readers.raw.RawCable` values. All I/O of the loaders lives here."""
