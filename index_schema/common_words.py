#!/usr/bin/env python3
"""Writes common_words.txt: the words found in the most articles of a folder of .txt news
articles, one per line, most common first. whosaid indexes word pairs only between two of these
words (see statements.toml, tokenizer `pairs`): the phrases whose positions are slow to match.

    python3 index_schema/common_words.py ../shared/gold/polnear/train/text > index_schema/common_words.txt

Made from the PolNeAR train split (the data the project tunes on); the file holds only the
words and no text. Changing the list changes what is indexed: raise `version` in statements.toml.
"""
import collections
import pathlib
import re
import sys

N = 2000
folder = pathlib.Path(sys.argv[1])
df = collections.Counter()
for path in sorted(folder.glob("*.txt")):
    text = path.read_text(encoding="utf-8", errors="replace").lower()
    df.update(set(re.findall(r"[a-z]+", text)))
ranked = sorted(df.items(), key=lambda kv: (-kv[1], kv[0]))
print("# The most common words of news articles, for the word-pair fields: see common_words.py.")
for word, _ in ranked[:N]:
    print(word)
