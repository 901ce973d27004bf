from loaders.header.preamble import Preamble as Preamble
from loaders.header.preamble import split_preamble as split_preamble
