"""Domain code for the course catalogue: models, validation and page generation.

Nothing in this package imports MkDocs; the MkDocs adapter lives in ``hooks/``.
"""
