"""pdf layer (see ARCHITECTURE.md)."""
