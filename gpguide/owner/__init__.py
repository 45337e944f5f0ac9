"""Tools for service owners: check the catalogue, scaffold a new service, report gaps, export overviews."""
