"""detect layer (see ARCHITECTURE.md)."""
