"""Loading and validating the YAML service catalogue (the data lives in ``catalog/``)."""

from gpguide.catalogue.load import default_catalog_dir, load_catalogue, loading
from gpguide.catalogue.model import (
    Catalogue,
    Concept,
    Contact,
    Document,
    Fact,
    GlossaryTerm,
    Kommune,
    Problem,
    Service,
    Source,
    UnknownKommune,
)

__all__ = [
    "Catalogue",
    "Concept",
    "Contact",
    "Document",
    "Fact",
    "GlossaryTerm",
    "Kommune",
    "Problem",
    "Service",
    "Source",
    "UnknownKommune",
    "default_catalog_dir",
    "load_catalogue",
    "loading",
]
