"""``python -m milkbone.published.transcribe``: rewrite ``data/published/`` from the paper."""

from milkbone.published.transcribe.write import transcribe_paper

if __name__ == "__main__":
    for row in transcribe_paper().itertuples(index=False):
        print(f"{row.file}: {row.n} {row.unit}")
