"""Type-checked, never-run tests of roo's public types."""
