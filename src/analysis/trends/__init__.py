"""What the figures say over time: a sector's series, its verdict, the coverage of the data, and what changed
between two versions of it."""
