"""Question templates, one module per kind of fact (and one for items over several facts)."""
