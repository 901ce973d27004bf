from loaders.header.authority import parse_classified_by as parse_classified_by
from loaders.header.authority import parse_declassify as parse_declassify
from loaders.header.authority import parse_reasons as parse_reasons
from loaders.header.authority import parse_signers as parse_signers
