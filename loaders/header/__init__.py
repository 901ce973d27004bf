"""Pure parsers for the structural parts of a cable: ids, stations, dates, routing,
markings, references, TAGS and the preamble lines (subject, E.O., classified by)."""
