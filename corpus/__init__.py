"""Real published text for the reader: records (FORMAT.md), their extraction scripts, and the layout generator."""
