"""Data files shipped with the package: surname forms and the per-edition correction tables."""
