"""From data/raw to data/processed: reading and validating the raw files, the registries, the tidy frame with
its derived values and consistency report, the dataset object, the prepare stage and its outputs."""
