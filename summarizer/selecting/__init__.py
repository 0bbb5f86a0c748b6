"""selecting stage."""
