"""Column types of the tables a build writes, used when a table has no rows.

A build over a corpus where every record was rejected still writes
articles.parquet and quotes.parquet with their columns, so notebooks and
downstream code never meet a missing file or column.

>>> TABLE_SCHEMAS["quotes"].names[:3]
['article_id', 'outlet', 'position']
"""
from __future__ import annotations

import pyarrow as pa

_S, _I, _F, _B = pa.string(), pa.int64(), pa.float64(), pa.bool_()

TABLE_SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema([
        ("article_id", _S), ("outlet", _S), ("date", pa.timestamp("ns")), ("title", _S), ("author", _S),
        ("url", _S), ("raw_text", _S), ("text", _S), ("n_words", _I), ("kicker", _S), ("n_removed", _I),
        ("n_comments", _I), ("source", _S), ("quote_share", _F), ("n_quotes", _I), ("n_speakers", _I),
        ("top_speaker_share", _F), ("compound", _F), ("pos", _F), ("neu", _F), ("neg", _F),
        ("share_positive", _F), ("share_negative", _F), ("share_neutral", _F), ("n_sentences", _I),
        ("compound_narration", _F), ("compound_quotes", _F), ("n_sentences_quotes", _I), ("flesch_reading_ease", _F),
        ("flesch_kincaid_grade", _F), ("gunning_fog", _F), ("smog_index", _F), ("coleman_liau_index", _F),
        ("automated_readability_index", _F), ("dale_chall_readability_score", _F),
        ("n_words_textstat", _I), ("n_sentences_textstat", _I), ("n_syllables", _I), ("smog_reliable", _B),
    ]),
    "quotes": pa.schema([
        ("article_id", _S), ("outlet", _S), ("position", _I), ("kind", _S), ("speaker", _S),
        ("n_words", _I), ("text", _S), ("start", _I), ("end", _I), ("cue", _S),
    ]),
    "comments": pa.schema([
        ("article_id", _S), ("outlet", _S), ("position", _I), ("author", _S),
        ("timestamp", pa.timestamp("ns")), ("depth", _I), ("text", _S),
    ]),
    "removed": pa.schema([("article_id", _S), ("outlet", _S), ("segment", _S), ("reason", _S)]),
}
