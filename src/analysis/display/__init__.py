"""What a reader sees: charts, tables, sentences and a sector's key figures, each written from the dataset."""
